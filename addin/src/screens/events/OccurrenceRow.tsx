import {
  Badge,
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import {
  CalendarArrowRight16Regular,
  CalendarCancel20Regular,
  Edit20Regular,
  Location16Regular,
} from '@fluentui/react-icons';
import type { Occurrence } from '../../api/types';
import { allDayUntil, formatShortDay, formatWeekdayDay, timeRange } from '../../events/model';
import { isMoved } from '../../events/occurrences';
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  heading: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
  },
  cancelled: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  time: { color: tokens.colorNeutralForeground2 },
  subject: { overflowWrap: 'anywhere' },
  detail: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  detailIcon: { flexShrink: 0, display: 'flex' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXXS },
});

/**
 * One occurrence of a series: its day and time in the series' zone, marked Cancelled or Changed, what differs from
 * the series, and Edit / Cancel while it is not cancelled (a cancellation is final, as in Outlook).
 */
export function OccurrenceRow({
  occurrence,
  series,
  onEdit,
  onCancel,
}: {
  occurrence: Occurrence;
  series: { subject: string; location: string; isAllDay: boolean };
  onEdit: (occurrence: Occurrence) => void;
  onCancel: (occurrence: Occurrence) => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const day = formatWeekdayDay(occurrence.start.slice(0, 10), language);
  const times = { start: occurrence.start, end: occurrence.end, isAllDay: series.isAllDay };
  const until = allDayUntil(times);
  const time =
    timeRange(times, language) ??
    (until ? t('events.allDayUntil', { date: formatShortDay(until, language) }) : t('events.allDay'));
  const label = formatWeekdayDay(occurrence.date, language);

  return (
    <li className={styles.row}>
      <div className={styles.main}>
        <div className={styles.heading}>
          <Body1Strong className={mergeClasses(occurrence.cancelled && styles.cancelled)}>{day}</Body1Strong>
          {occurrence.cancelled && (
            <Badge appearance="tint" color="danger" shape="rounded">
              {t('occurrences.cancelled')}
            </Badge>
          )}
          {occurrence.changed && (
            <Badge appearance="tint" color="brand" shape="rounded">
              {t('occurrences.changed')}
            </Badge>
          )}
        </div>
        <Caption1 className={mergeClasses(styles.time, occurrence.cancelled && styles.cancelled)}>{time}</Caption1>
        {!occurrence.cancelled && occurrence.subject !== series.subject && (
          <Caption1 className={styles.subject}>{occurrence.subject}</Caption1>
        )}
        {!occurrence.cancelled && occurrence.location !== series.location && occurrence.location !== '' && (
          <Caption1 className={styles.detail}>
            <span className={styles.detailIcon} aria-hidden="true">
              <Location16Regular />
            </span>
            {occurrence.location}
          </Caption1>
        )}
        {isMoved(occurrence) && (
          <Caption1 className={styles.detail}>
            <span className={styles.detailIcon} aria-hidden="true">
              <CalendarArrowRight16Regular />
            </span>
            {t('occurrences.movedFrom', { date: label })}
          </Caption1>
        )}
      </div>
      {!occurrence.cancelled && (
        <div className={styles.actions}>
          <Tooltip content={t('occurrences.editLabel', { date: label })} relationship="label">
            <Button appearance="subtle" icon={<Edit20Regular />} onClick={() => onEdit(occurrence)} />
          </Tooltip>
          <Tooltip content={t('occurrences.cancelLabel', { date: label })} relationship="label">
            <Button appearance="subtle" icon={<CalendarCancel20Regular />} onClick={() => onCancel(occurrence)} />
          </Tooltip>
        </div>
      )}
    </li>
  );
}
