import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import {
  Add20Regular,
  ArrowClockwise20Regular,
  ArrowImport20Regular,
  ChevronDown20Regular,
  Dismiss20Regular,
} from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { CrmEvent, EventView } from '../../api/types';
import { formatDay, groupByDay, type DayGroup } from '../../events/model';
import { addDays, browserTimeZone, wallTimeAt } from '../../events/zonedTime';
import { useI18n } from '../../i18n/I18nContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Section } from '../../ui/Page';
import { EventDialog, type EventDialogMode } from './EventDialog';
import { EventRow } from './EventRow';
import { OccurrencesDialog } from './OccurrencesDialog';
import { ImportCsvDialog } from '../../ui/ImportCsvDialog';
import { useLiveChanges } from '../../live/useLiveChanges';
import { useEvents, type EventList } from './useEvents';
import { ButtonSpinner } from '../../ui/ButtonSpinner';

const useStyles = makeStyles({
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  spacer: { flexGrow: 1 },
  center: { display: 'grid', placeItems: 'center', minHeight: '160px' },
  day: { display: 'flex', flexDirection: 'column' },
  dayHeading: { margin: 0, paddingBottom: tokens.spacingVerticalXS, fontSize: tokens.fontSizeBase300 },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  more: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalS },
});

type Notice = { intent: 'success' | 'error'; text: string };

/**
 * Events: the user's own CRM events by day, Upcoming first (a series at its next occurrence) and Earlier on demand,
 * a page at a time; with New event, Edit, Delete, a series' Occurrences, Import CSV and Refresh.
 */
export function EventsPage({ brand, api }: { brand: string; api: Api }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { state, reload, showMore } = useEvents(api);
  useLiveChanges(api, () => void reload({ quiet: true }));
  const [dialog, setDialog] = useState<EventDialogMode>();
  const [deleting, setDeleting] = useState<CrmEvent>();
  const [series, setSeries] = useState<CrmEvent>();
  const [importOpen, setImportOpen] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const zone = useMemo(() => browserTimeZone(), []);
  const upcomingEvents = state.status === 'ready' ? state.upcoming.events : undefined;
  const earlierEvents = state.status === 'ready' ? state.earlier?.events : undefined;
  const upcoming = useMemo(() => groupByDay(upcomingEvents ?? []), [upcomingEvents]);
  const earlier = useMemo(() => groupByDay(earlierEvents ?? []), [earlierEvents]);
  const today = wallTimeAt(Date.now(), zone).slice(0, 10);

  const dayLabel = (date: string) => {
    const long = formatDay(date, language);
    if (date === today) return t('events.todayHeading', { date: long });
    if (date === addDays(today, 1)) return t('events.tomorrowHeading', { date: long });
    return long;
  };

  const saved = (event: CrmEvent, mode: EventDialogMode) => {
    setDialog(undefined);
    setNotice({
      intent: 'success',
      text: t(mode.kind === 'new' ? 'events.created' : 'events.saved', { subject: event.subject }),
    });
    void reload();
  };

  const remove = async (event: CrmEvent) => {
    await api.deleteEvent(event.id);
    setDeleting(undefined);
    setNotice({ intent: 'success', text: t('events.deleted', { subject: event.subject }) });
    void reload();
  };

  const imported = (count: number) => {
    setImportOpen(false);
    setNotice({ intent: 'success', text: count === 1 ? t('events.importDoneOne') : t('events.importDone', { count }) });
    void reload();
  };

  const days = (list: DayGroup[]) =>
    list.map((group) => {
      const label = dayLabel(group.date);
      return (
        // A day can come twice when events in several zones interleave, so its first event keys it too.
        <div key={`${group.date}:${group.events[0]!.id}`} className={styles.day}>
          <Subtitle2 as="h3" className={styles.dayHeading}>
            {label}
          </Subtitle2>
          <ul className={styles.list} aria-label={t('events.dayLabel', { date: label })}>
            {group.events.map((event) => (
              <EventRow
                key={event.id}
                event={event}
                browserZone={zone}
                dayLabel={label}
                onEdit={(e) => setDialog({ kind: 'edit', event: e })}
                onDelete={setDeleting}
                onOccurrences={setSeries}
              />
            ))}
          </ul>
        </div>
      );
    });

  /** Show more / Show earlier while the list has more, with what went wrong when a page did not come. */
  const moreButton = (view: EventView, list: EventList | undefined, label: string) =>
    list?.complete ? null : (
      <div className={styles.more}>
        {list?.moreError !== undefined && (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{userMessageOf(list.moreError, t('error.generic'))}</MessageBarBody>
          </MessageBar>
        )}
        <Button
          icon={list?.loadingMore ? <ButtonSpinner /> : <ChevronDown20Regular />}
          disabled={list?.loadingMore === true}
          onClick={() => void showMore(view)}
        >
          {label}
        </Button>
      </div>
    );

  const refreshing = state.status === 'ready' && state.refreshing;
  const empty = state.status === 'ready' && state.upcoming.events.length === 0 && !state.hasEarlier;
  return (
    <>
      <Section>
        <Subtitle1 as="h1" className={styles.heading}>
          {t('events.title')}
        </Subtitle1>
        <Body1 as="p" className={styles.muted}>
          {t('events.intro', { brand })}
        </Body1>
        <div className={styles.toolbar}>
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => setDialog({ kind: 'new' })}>
            {t('events.new')}
          </Button>
          <Button icon={<ArrowImport20Regular />} onClick={() => setImportOpen(true)}>
            {t('events.import')}
          </Button>
          <span className={styles.spacer} />
          <Button
            appearance="subtle"
            icon={refreshing || state.status === 'loading' ? <ButtonSpinner /> : <ArrowClockwise20Regular />}
            disabled={refreshing || state.status === 'loading'}
            onClick={() => void reload()}
          >
            {t('events.refresh')}
          </Button>
        </div>
        {notice !== undefined && (
          <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  icon={<Dismiss20Regular />}
                  aria-label={t('common.close')}
                  onClick={() => setNotice(undefined)}
                />
              }
            />
          </MessageBar>
        )}
      </Section>

      {state.status === 'loading' && (
        <Section>
          <div className={styles.center}>
            <Spinner size="small" label={t('events.loading')} />
          </div>
        </Section>
      )}

      {state.status === 'error' && (
        <Section>
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{userMessageOf(state.error, t('error.generic'))}</MessageBarBody>
          </MessageBar>
          <div>
            <Button icon={<ArrowClockwise20Regular />} onClick={() => void reload()}>
              {t('error.retry')}
            </Button>
          </div>
        </Section>
      )}

      {empty && (
        <Section>
          <Body1 as="p" className={styles.muted}>
            {t('events.empty', { brand })}
          </Body1>
        </Section>
      )}

      {state.status === 'ready' && !empty && (
        <>
          <Section label={t('events.upcoming')}>
            <Subtitle2 as="h2" className={styles.heading}>
              {t('events.upcoming')}
            </Subtitle2>
            {upcoming.length === 0 ? (
              <Body1 as="p" className={styles.muted}>
                {t('events.noUpcoming')}
              </Body1>
            ) : (
              days(upcoming)
            )}
            {moreButton('upcoming', state.upcoming, t('events.showMore'))}
          </Section>
          {state.hasEarlier && (
            <Section label={t('events.earlier')}>
              <Subtitle2 as="h2" className={styles.heading}>
                {t('events.earlier')}
              </Subtitle2>
              {days(earlier)}
              {moreButton('earlier', state.earlier, t('events.showEarlier'))}
            </Section>
          )}
        </>
      )}

      <EventDialog
        mode={dialog}
        api={api}
        defaultTimeZone={zone}
        onCancel={() => setDialog(undefined)}
        onSaved={saved}
      />
      <OccurrencesDialog
        api={api}
        event={series}
        browserZone={zone}
        onClose={() => setSeries(undefined)}
        onChanged={(event) => {
          setSeries(event);
          void reload();
        }}
      />
      {/* A series says that all its occurrences go; a refusal from the service stays in the dialog. */}
      <ConfirmDialog
        subject={deleting}
        title={t('deleteEvent.title')}
        body={
          deleting &&
          t(deleting.recurrence ? 'deleteEvent.seriesBody' : 'deleteEvent.body', { subject: deleting.subject, brand })
        }
        confirmLabel={t('deleteEvent.confirm')}
        onCancel={() => setDeleting(undefined)}
        onConfirm={remove}
      />
      <ImportCsvDialog
        kind={{
          title: 'importEvents.title',
          body: 'importEvents.body',
          note: 'importEvents.note',
          importCsv: (csv) => api.importEvents(csv),
        }}
        open={importOpen}
        onOpenChange={setImportOpen}
        onImported={imported}
      />
    </>
  );
}
