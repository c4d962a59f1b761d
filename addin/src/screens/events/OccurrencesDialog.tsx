import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, ArrowRepeatAll16Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { CrmEvent, Occurrence } from '../../api/types';
import { formatWeekdayDay } from '../../events/model';
import { neighboursOf } from '../../events/occurrences';
import { zoneLabel } from '../../events/zonedTime';
import { useI18n } from '../../i18n/I18nContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { FormDialog } from '../../ui/FormDialog';
import { OccurrenceDialog } from './OccurrenceDialog';
import { OccurrenceRow } from './OccurrenceRow';
import { seriesSummary } from './repeatText';
import { useOccurrences } from './useOccurrences';
import { ButtonSpinner } from '../../ui/ButtonSpinner';

const useStyles = makeStyles({
  series: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground2,
  },
  muted: { color: tokens.colorNeutralForeground3, margin: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  center: { display: 'grid', placeItems: 'center', minHeight: '120px' },
  more: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/**
 * Occurrences of a series from today on, a page at a time, each with Edit this occurrence and Cancel this
 * occurrence. Every change goes to the service at once; `onChanged` hands the updated event back.
 */
export function OccurrencesDialog({
  api,
  event,
  browserZone,
  onClose,
  onChanged,
}: {
  api: Api;
  event: CrmEvent | undefined;
  browserZone: string;
  onClose: () => void;
  onChanged: (event: CrmEvent) => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { state, showMore, refreshDay, retry } = useOccurrences(api, event);
  const [editing, setEditing] = useState<Occurrence>();
  const [cancelling, setCancelling] = useState<Occurrence>();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    setEditing(undefined);
    setCancelling(undefined);
    setNotice(undefined);
  }, [event?.id]);

  const loaded = state.status === 'ready' ? state.occurrences : [];
  const dayOf = (occurrence: Occurrence) => formatWeekdayDay(occurrence.date, language);

  const changed = (updated: CrmEvent, occurrence: Occurrence, text: string) => {
    onChanged(updated);
    setNotice(text);
    // The one occurrence is read again; if that fails, the whole list is.
    refreshDay(occurrence.date).catch(retry);
  };

  const saved = (updated: CrmEvent, occurrence: Occurrence) => {
    setEditing(undefined);
    changed(updated, occurrence, t('occurrences.saved', { date: dayOf(occurrence) }));
  };

  const cancel = async (occurrence: Occurrence) => {
    if (!event) return;
    const updated = await api.cancelOccurrence(event.id, occurrence.date);
    setCancelling(undefined);
    changed(updated, occurrence, t('occurrences.cancelDone', { date: dayOf(occurrence) }));
  };

  const busy = editing !== undefined || cancelling !== undefined;
  return (
    <FormDialog
      open={event !== undefined}
      title={t('occurrences.title')}
      width={520}
      // While an occurrence is edited or cancelled on top, Escape and clicks there are for that dialog, not this one.
      busy={busy}
      onCancel={onClose}
      actions={
        <Button appearance="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      {event?.recurrence && (
        <div className={styles.series}>
          <Body1Strong>{event.subject}</Body1Strong>
          <Caption1 className={styles.summary}>
            <ArrowRepeatAll16Regular aria-hidden="true" />
            {seriesSummary(event.recurrence, event.start.slice(0, 10), t, language)}
          </Caption1>
          {event.timeZone !== browserZone && !event.isAllDay && (
            <Caption1 className={styles.muted}>{t('occurrences.zone', { zone: zoneLabel(event.timeZone) })}</Caption1>
          )}
        </div>
      )}
      {notice !== undefined && (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
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
      {state.status === 'loading' && (
        <div className={styles.center}>
          <Spinner size="small" label={t('occurrences.loading')} />
        </div>
      )}
      {state.status === 'error' && (
        <>
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{userMessageOf(state.error, t('error.generic'))}</MessageBarBody>
          </MessageBar>
          <div>
            <Button icon={<ArrowClockwise20Regular />} onClick={retry}>
              {t('error.retry')}
            </Button>
          </div>
        </>
      )}
      {state.status === 'ready' && event && (
        <>
          {state.occurrences.length === 0 ? (
            <Body1 as="p" className={styles.muted}>
              {t('occurrences.none')}
            </Body1>
          ) : (
            <ul className={styles.list} aria-label={t('occurrences.listLabel', { subject: event.subject })}>
              {state.occurrences.slice(0, state.shown).map((occurrence) => (
                <OccurrenceRow
                  key={occurrence.date}
                  occurrence={occurrence}
                  series={event}
                  onEdit={setEditing}
                  onCancel={setCancelling}
                />
              ))}
            </ul>
          )}
          {state.moreError !== undefined && (
            <MessageBar intent="error" role="alert" layout="multiline">
              <MessageBarBody>{userMessageOf(state.moreError, t('error.generic'))}</MessageBarBody>
            </MessageBar>
          )}
          {state.occurrences.length > state.shown || state.next !== null ? (
            <div className={styles.more}>
              <Button
                onClick={showMore}
                disabled={state.loadingMore}
                icon={state.loadingMore ? <ButtonSpinner /> : undefined}
              >
                {t('occurrences.showMore')}
              </Button>
            </div>
          ) : (
            state.occurrences.length > 0 && <Caption1 className={styles.muted}>{t('occurrences.noMore')}</Caption1>
          )}
        </>
      )}
      {event && (
        <>
          <OccurrenceDialog
            api={api}
            series={event}
            occurrence={editing}
            neighbours={editing ? neighboursOf(loaded, editing.date) : {}}
            onCancel={() => setEditing(undefined)}
            onSaved={saved}
            onGone={(occurrence) => refreshDay(occurrence.date).catch(retry)}
          />
          <ConfirmDialog
            subject={cancelling}
            title={t('cancelOccurrence.title')}
            body={cancelling && t('cancelOccurrence.body', { date: dayOf(cancelling), subject: event.subject })}
            confirmLabel={t('cancelOccurrence.confirm')}
            dismissLabel={t('cancelOccurrence.keep')}
            onCancel={() => setCancelling(undefined)}
            onConfirm={cancel}
          />
        </>
      )}
    </FormDialog>
  );
}
