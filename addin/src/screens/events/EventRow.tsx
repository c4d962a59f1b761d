import { Badge, Body1Strong, Button, Caption1, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import {
  ArrowImport16Regular,
  ArrowRepeatAll16Regular,
  CalendarLtr16Regular,
  CalendarMultiple16Regular,
  Delete20Regular,
  Edit20Regular,
  Globe16Regular,
  Location16Regular,
  People16Regular,
} from '@fluentui/react-icons';
import type { CrmEvent, ListedEvent } from '../../api/types';
import { allDayUntil, formatShortDay, shownTimes, timeRange } from '../../events/model';
import { instantOf, wallTimeAt, zoneLabel } from '../../events/zonedTime';
import { useI18n } from '../../i18n/I18nContext';
import { seriesSummary } from './repeatText';

const NARROW = '@media (max-width: 479px)';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: '112px minmax(0, 1fr) auto',
    gridTemplateAreas: '"time main actions"',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    // In a task pane the time sits above the subject, next to the buttons, so the subject keeps the full width.
    [NARROW]: { gridTemplateColumns: 'minmax(0, 1fr) auto', gridTemplateAreas: '"time actions" "main main"' },
  },
  time: {
    gridArea: 'time',
    color: tokens.colorNeutralForeground2,
    paddingTop: tokens.spacingVerticalXXS,
    [NARROW]: { alignSelf: 'center' },
  },
  main: { gridArea: 'main', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  subject: { overflowWrap: 'anywhere' },
  detail: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  detailIcon: { flexShrink: 0, display: 'flex' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  actions: { gridArea: 'actions', display: 'flex', gap: tokens.spacingHorizontalXXS },
  occurrences: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalXXS },
});

/**
 * One event in the list: its time in its own zone (a series' at the occurrence it is listed by), subject, place,
 * people, how it repeats and where it came from.
 */
export function EventRow({
  event,
  browserZone,
  dayLabel,
  onEdit,
  onDelete,
  onOccurrences,
}: {
  event: ListedEvent;
  browserZone: string;
  /** The day heading it sits under, repeated in the row's accessible name. */
  dayLabel: string;
  onEdit: (event: CrmEvent) => void;
  onDelete: (event: CrmEvent) => void;
  /** Opens a series' occurrences. */
  onOccurrences: (event: CrmEvent) => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const shown = { ...shownTimes(event), isAllDay: event.isAllDay };
  const range = timeRange(shown, language);
  const until = allDayUntil(shown);
  const time =
    range ?? (until ? t('events.allDayUntil', { date: formatShortDay(until, language) }) : t('events.allDay'));
  const otherZone = event.timeZone !== browserZone;
  // The same moment on this device's clock, for an event kept in another zone.
  const local =
    otherZone && !event.isAllDay
      ? t('events.yourTime', {
          time: timeRange(
            {
              start: wallTimeAt(instantOf(shown.start, event.timeZone), browserZone),
              end: wallTimeAt(instantOf(shown.end, event.timeZone), browserZone),
              isAllDay: false,
            },
            language,
          )!,
        })
      : undefined;
  const when = [dayLabel, time, otherZone ? zoneLabel(event.timeZone) : undefined].filter(Boolean).join(', ');

  return (
    <li className={styles.row} aria-label={t('events.rowLabel', { subject: event.subject, when })}>
      <Caption1 className={styles.time}>{time}</Caption1>
      <div className={styles.main}>
        <Body1Strong className={styles.subject}>{event.subject}</Body1Strong>
        {otherZone && (
          <Caption1 className={styles.detail}>
            <span className={styles.detailIcon} aria-hidden="true">
              <Globe16Regular />
            </span>
            {[zoneLabel(event.timeZone), local].filter(Boolean).join(' · ')}
          </Caption1>
        )}
        {event.recurrence && (
          <Caption1 className={styles.detail}>
            <span className={styles.detailIcon} aria-hidden="true">
              <ArrowRepeatAll16Regular />
            </span>
            {seriesSummary(event.recurrence, event.start.slice(0, 10), t, language)}
          </Caption1>
        )}
        {event.location !== '' && (
          <Caption1 className={styles.detail}>
            <span className={styles.detailIcon} aria-hidden="true">
              <Location16Regular />
            </span>
            {event.location}
          </Caption1>
        )}
        {event.attendees.length > 0 && (
          <Caption1 className={styles.detail}>
            <span className={styles.detailIcon} aria-hidden="true">
              <People16Regular />
            </span>
            {event.attendees.length === 1
              ? t('events.attendeesOne')
              : t('events.attendees', { count: event.attendees.length })}
          </Caption1>
        )}
        {(event.origin === 'import' || event.origin === 'microsoft365') && (
          <div className={styles.badges}>
            {event.origin === 'import' && (
              <Badge
                appearance="tint"
                color="warning"
                shape="rounded"
                icon={<ArrowImport16Regular />}
                title={t('events.badgeImportedHint')}
              >
                {t('events.badgeImported')}
              </Badge>
            )}
            {event.origin === 'microsoft365' && (
              <Badge appearance="tint" color="brand" shape="rounded" icon={<CalendarLtr16Regular />}>
                {t('events.badgeOutlook')}
              </Badge>
            )}
          </div>
        )}
        {event.recurrence && (
          <Button
            className={styles.occurrences}
            size="small"
            icon={<CalendarMultiple16Regular />}
            aria-label={t('events.occurrencesLabel', { subject: event.subject })}
            onClick={() => onOccurrences(event)}
          >
            {t('events.occurrences')}
          </Button>
        )}
      </div>
      <div className={styles.actions}>
        {/* A label tooltip mounts only while shown (a description one would stay mounted for every row). */}
        <Tooltip content={t('events.editLabel', { subject: event.subject })} relationship="label">
          <Button appearance="subtle" icon={<Edit20Regular />} onClick={() => onEdit(event)} />
        </Tooltip>
        <Tooltip content={t('events.deleteLabel', { subject: event.subject })} relationship="label">
          <Button appearance="subtle" icon={<Delete20Regular />} onClick={() => onDelete(event)} />
        </Tooltip>
      </div>
    </li>
  );
}
