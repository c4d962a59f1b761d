import {
  Body1,
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { CalendarSync20Regular, PlugConnected20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { userMessageOf } from '../../api/errors';
import { useI18n } from '../../i18n/I18nContext';
import { formatCount, formatInstant, isFirstSyncRunning, progressFraction, relativeTime, syncState } from '../../sync/model';
import { Section } from '../../ui/Page';
import { DisableSyncDialog } from './DisableSyncDialog';
import { SyncStatusBadge } from './SyncStatusBadge';
import type { CalendarSync } from './useCalendarSync';

/** The seed's limit of the first sync. */
const FIRST_SYNC_MAX = 5000;

const useStyles = makeStyles({
  heading: { margin: 0, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  headingIcon: { display: 'flex', color: tokens.colorBrandForeground1 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground3 },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
    // In a narrow task pane each label sits above its value.
    '@media (max-width: 479px)': {
      gridTemplateColumns: '1fr',
      rowGap: 0,
      '& dt': { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
      '& dd': { marginBottom: tokens.spacingVerticalS },
    },
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  center: { display: 'grid', placeItems: 'center', minHeight: '120px' },
});

/** Settings > Setup > Marketplace > Microsoft, section Calendar: what the sync does, Enable/Disable, state, errors. */
export function CalendarSyncSection({ brand, sync }: { brand: string; sync: CalendarSync }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const { data, busy } = sync;
  const heading = (
    <Subtitle2 as="h2" className={styles.heading}>
      <span className={styles.headingIcon} aria-hidden="true">
        <CalendarSync20Regular />
      </span>
      {t('calendarSync.heading')}
    </Subtitle2>
  );

  if (data === undefined) {
    return (
      <Section label={t('calendarSync.heading')}>
        {heading}
        {sync.loadError !== undefined ? (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{userMessageOf(sync.loadError, t('error.generic'))}</MessageBarBody>
          </MessageBar>
        ) : (
          <div className={styles.center}>
            <Spinner size="small" label={t('calendarSync.loading')} />
          </div>
        )}
      </Section>
    );
  }

  const state = syncState(data);
  const calendarName = data.calendarName || brand;
  const when = (iso: string | null) =>
    iso ? t('calendarSync.when', { relative: relativeTime(iso, Date.now(), language), absolute: formatInstant(iso, language) }) : t('calendarSync.never');
  const running = isFirstSyncRunning(data) && data.enabled;
  const progress = data.progress;
  const reconnect = data.status === 'reconnect_required';

  return (
    <Section label={t('calendarSync.heading')}>
      {heading}
      <Body1 as="p" className={styles.muted}>
        {t('calendarSync.what', { brand, calendarName, max: formatCount(FIRST_SYNC_MAX, language) })}
      </Body1>

      {sync.disabled !== undefined && !data.enabled && (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>
            {t(sync.disabled.calendarRemoved ? 'calendarSync.turnedOff' : 'calendarSync.turnedOffAlreadyGone', { calendarName })}
          </MessageBarBody>
        </MessageBar>
      )}
      {sync.disabled === undefined && !data.enabled && data.disabledReason === 'container_deleted' && (
        <MessageBar intent="warning" role="status" layout="multiline">
          <MessageBarBody>
            {t('calendarSync.calendarDeleted', { calendarName })} {t('calendarSync.enableAgain')}
          </MessageBarBody>
        </MessageBar>
      )}
      {data.enabled && data.lastError !== null && (
        <MessageBar intent={data.status === 'active' ? 'warning' : 'error'} role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('calendarSync.errorTitle')}</MessageBarTitle> {data.lastError.message}
            {data.lastError.at && (
              <>
                {' '}
                {t('calendarSync.errorAt', { relative: relativeTime(data.lastError.at, Date.now(), language) })}
              </>
            )}
          </MessageBarBody>
          {reconnect && (
            <MessageBarActions>
              <Button
                icon={busy === 'enable' ? <Spinner size="tiny" /> : <PlugConnected20Regular />}
                disabled={busy !== undefined}
                onClick={() => void sync.enable()}
              >
                {t('calendarSync.reconnect')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {sync.actionError !== undefined && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{userMessageOf(sync.actionError, t('error.generic'))}</MessageBarBody>
        </MessageBar>
      )}

      {running && (
        <Field
          label={t('calendarSync.progressLabel')}
          validationState="none"
          validationMessage={
            progress && progress.total > 0
              ? t('calendarSync.progress', { done: formatCount(progress.done, language), total: formatCount(progress.total, language) })
              : t('calendarSync.progressStarting')
          }
        >
          <ProgressBar
            thickness="large"
            value={progress && progress.total > 0 ? progressFraction(progress) : undefined}
            aria-valuetext={
              progress && progress.total > 0
                ? t('calendarSync.progress', { done: formatCount(progress.done, language), total: formatCount(progress.total, language) })
                : undefined
            }
          />
        </Field>
      )}

      <dl className={styles.facts}>
        <dt>{t('calendarSync.status')}</dt>
        <dd>
          <SyncStatusBadge state={state} />
        </dd>
        <dt>{t('calendarSync.lastRun')}</dt>
        <dd>{when(data.lastRunAt)}</dd>
        {data.lastError !== null && data.lastSuccessAt !== data.lastRunAt && (
          <>
            <dt>{t('calendarSync.lastSuccess')}</dt>
            <dd>{when(data.lastSuccessAt)}</dd>
          </>
        )}
        <dt>{t('calendarSync.linked')}</dt>
        <dd>{formatCount(data.linkedCount, language)}</dd>
      </dl>

      <div className={styles.actions}>
        {data.enabled ? (
          <Button
            icon={busy === 'disable' ? <Spinner size="tiny" /> : undefined}
            disabled={busy !== undefined}
            onClick={() => setConfirming(true)}
          >
            {t('calendarSync.disable')}
          </Button>
        ) : (
          <Button
            appearance="primary"
            icon={busy === 'enable' ? <Spinner size="tiny" /> : undefined}
            disabled={busy !== undefined}
            onClick={() => void sync.enable()}
          >
            {t('calendarSync.enable')}
          </Button>
        )}
      </div>

      <DisableSyncDialog
        open={confirming}
        calendarName={calendarName}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          void sync.disable();
        }}
      />
    </Section>
  );
}
