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
import {
  CalendarSync20Regular,
  MailInbox20Regular,
  PeopleSync20Regular,
  PlugConnected20Regular,
} from '@fluentui/react-icons';
import { useState, type ReactElement, type ReactNode } from 'react';
import type { SyncKind } from '../../api/types';
import { userMessageOf } from '../../api/errors';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/translate';
import {
  containerNameOf,
  formatCount,
  formatInstant,
  isFirstSyncRunning,
  progressFraction,
  relativeTime,
  syncState,
} from '../../sync/model';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Section } from '../../ui/Page';
import { SyncStatusBadge } from './SyncStatusBadge';
import type { SyncHandle } from './useSync';
import { ButtonSpinner } from '../../ui/ButtonSpinner';

/** What differs between the calendar's section and the contacts' section; the rest is one. */
interface KindLook {
  icon: ReactElement;
  /** The seed's limit of the first sync. */
  firstSyncMax: number;
  heading: MessageKey;
  what: MessageKey;
  loading: MessageKey;
  linked: MessageKey;
  turnedOff: MessageKey;
  turnedOffAlreadyGone: MessageKey;
  containerDeleted: MessageKey;
  disableTitle: MessageKey;
  disableBody: MessageKey;
}

export const kindLooks: Record<SyncKind, KindLook> = {
  calendar: {
    icon: <CalendarSync20Regular />,
    firstSyncMax: 5000,
    heading: 'calendarSync.heading',
    what: 'calendarSync.what',
    loading: 'calendarSync.loading',
    linked: 'calendarSync.linked',
    turnedOff: 'calendarSync.turnedOff',
    turnedOffAlreadyGone: 'calendarSync.turnedOffAlreadyGone',
    containerDeleted: 'calendarSync.calendarDeleted',
    disableTitle: 'disableSync.title',
    disableBody: 'disableSync.body',
  },
  contacts: {
    icon: <PeopleSync20Regular />,
    firstSyncMax: 10000,
    heading: 'contactsSync.heading',
    what: 'contactsSync.what',
    loading: 'contactsSync.loading',
    linked: 'contactsSync.linked',
    turnedOff: 'contactsSync.turnedOff',
    turnedOffAlreadyGone: 'contactsSync.turnedOffAlreadyGone',
    containerDeleted: 'contactsSync.folderDeleted',
    disableTitle: 'contactsSync.disableTitle',
    disableBody: 'contactsSync.disableBody',
  },
  mail: {
    icon: <MailInbox20Regular />,
    // Not a count: automatic filing looks back 30 days.
    firstSyncMax: 30,
    heading: 'mailFiling.heading',
    what: 'mailFiling.what',
    loading: 'mailFiling.loading',
    linked: 'mailFiling.linked',
    turnedOff: 'mailFiling.turnedOff',
    turnedOffAlreadyGone: 'mailFiling.turnedOff',
    containerDeleted: 'mailFiling.turnedOff',
    disableTitle: 'mailFiling.disableTitle',
    disableBody: 'mailFiling.disableBody',
  },
};

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

/**
 * Settings > Setup > Marketplace > Microsoft, section Calendar or Contacts: what the sync does, Enable/Disable,
 * state, first-sync progress, errors. `onEnable` replaces a plain Enable (contacts open their Configuration first);
 * `actions` adds buttons while the sync is on, `notice` a message above the facts, `children` dialogs.
 */
export function SyncSection({
  brand,
  sync,
  onEnable,
  actions,
  notice,
  children,
}: {
  brand: string;
  sync: SyncHandle;
  onEnable?: () => void;
  actions?: ReactNode;
  notice?: ReactNode;
  children?: ReactNode;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const { data, busy } = sync;
  const look = kindLooks[sync.kind];
  const heading = (
    <Subtitle2 as="h2" className={styles.heading}>
      <span className={styles.headingIcon} aria-hidden="true">
        {look.icon}
      </span>
      {t(look.heading)}
    </Subtitle2>
  );

  if (data === undefined) {
    return (
      <Section label={t(look.heading)}>
        {heading}
        {sync.loadError !== undefined ? (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{userMessageOf(sync.loadError, t('error.generic'))}</MessageBarBody>
          </MessageBar>
        ) : (
          <div className={styles.center}>
            <Spinner size="small" label={t(look.loading)} />
          </div>
        )}
      </Section>
    );
  }

  const state = syncState(data);
  const containerName = containerNameOf(data, brand);
  // Calendar messages name it {calendarName}, contact messages {folderName}.
  const names = { calendarName: containerName, folderName: containerName };
  const when = (iso: string | null) =>
    iso
      ? t('calendarSync.when', {
          relative: relativeTime(iso, Date.now(), language),
          absolute: formatInstant(iso, language),
        })
      : t('calendarSync.never');
  const running = isFirstSyncRunning(data) && data.enabled;
  const progress = data.progress;
  const reconnect = data.status === 'reconnect_required';

  return (
    <Section label={t(look.heading)}>
      {heading}
      <Body1 as="p" className={styles.muted}>
        {t(look.what, { brand, ...names, max: formatCount(look.firstSyncMax, language) })}
      </Body1>

      {sync.disabled !== undefined && !data.enabled && (
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>
            {t(sync.disabled.containerRemoved ? look.turnedOff : look.turnedOffAlreadyGone, names)}
          </MessageBarBody>
        </MessageBar>
      )}
      {sync.disabled === undefined && !data.enabled && data.disabledReason === 'container_deleted' && (
        <MessageBar intent="warning" role="status" layout="multiline">
          <MessageBarBody>
            {t(look.containerDeleted, names)} {t('calendarSync.enableAgain')}
          </MessageBarBody>
        </MessageBar>
      )}
      {data.enabled && data.lastError !== null && (
        <MessageBar intent={data.status === 'active' ? 'warning' : 'error'} role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('calendarSync.errorTitle')}</MessageBarTitle> {data.lastError.message}
            {data.lastError.at && (
              <> {t('calendarSync.errorAt', { relative: relativeTime(data.lastError.at, Date.now(), language) })}</>
            )}
          </MessageBarBody>
          {reconnect && (
            <MessageBarActions>
              <Button
                icon={busy === 'enable' ? <ButtonSpinner /> : <PlugConnected20Regular />}
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

      {notice}

      {running && (
        <Field
          label={t('calendarSync.progressLabel')}
          validationState="none"
          validationMessage={
            progress && progress.total > 0
              ? t('calendarSync.progress', {
                  done: formatCount(progress.done, language),
                  total: formatCount(progress.total, language),
                })
              : t('calendarSync.progressStarting')
          }
        >
          <ProgressBar
            thickness="large"
            value={progress && progress.total > 0 ? progressFraction(progress) : undefined}
            aria-valuetext={
              progress && progress.total > 0
                ? t('calendarSync.progress', {
                    done: formatCount(progress.done, language),
                    total: formatCount(progress.total, language),
                  })
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
        <dt>{t(look.linked)}</dt>
        <dd>{formatCount(data.linkedCount, language)}</dd>
      </dl>

      <div className={styles.actions}>
        {data.enabled ? (
          <>
            {actions}
            <Button
              icon={busy === 'disable' ? <ButtonSpinner /> : undefined}
              disabled={busy !== undefined}
              onClick={() => setConfirming(true)}
            >
              {t('calendarSync.disable')}
            </Button>
          </>
        ) : (
          <Button
            appearance="primary"
            icon={busy === 'enable' ? <ButtonSpinner /> : undefined}
            disabled={busy !== undefined}
            onClick={() => (onEnable ? onEnable() : void sync.enable())}
          >
            {t('calendarSync.enable')}
          </Button>
        )}
      </div>

      {/* Disable asks first: the calendar or contact folder leaves Outlook (the events or contacts stay in the CRM). */}
      <ConfirmDialog
        subject={confirming ? sync.kind : undefined}
        title={t(look.disableTitle)}
        body={t(look.disableBody, names)}
        confirmLabel={t('disableSync.confirm')}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          // The dialog closes at once; the Disable button shows the progress.
          setConfirming(false);
          void sync.disable();
        }}
      />
      {children}
    </Section>
  );
}
