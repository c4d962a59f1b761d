import {
  Body1,
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { PlugDisconnected48Regular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import type { Me } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { Hero, Page, Section, SignedInAs } from '../ui/Page';
import { AskAdministratorSection } from './AskAdministratorSection';
import { ButtonSpinner } from '../ui/ButtonSpinner';

type NotInstalled = Extract<Me, { state: 'not_installed' }>;

// Admin consent finishes in another window; /api/me is asked this often until the state moves on.
const POLL_INTERVAL_MS = 2_000;
// After this the user can still press Check again; an abandoned window should not poll forever.
const POLL_LIMIT_MS = 15 * 60_000;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The app has no admin consent for this tenant yet: administrators install it here, everyone else learns whom to ask. */
export function NotInstalledScreen({
  brand,
  me,
  onCheckAgain,
  poll,
  onChanged,
}: {
  brand: string;
  me: NotInstalled;
  onCheckAgain: () => Promise<Me | undefined>;
  /** Quiet /api/me for polling: errors are ignored and the next tick tries again. */
  poll: () => Promise<Me>;
  onChanged: (me: Me) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const tenant = me.tenant.domain;
  const [waiting, setWaiting] = useState(false);
  const [blocked, setBlocked] = useState(false);
  const [checking, setChecking] = useState(false);
  const [stillNot, setStillNot] = useState(false);
  const [windowClosed, setWindowClosed] = useState(false);
  const consentWindow = useRef<Window | null>(null);

  useEffect(() => {
    if (!waiting) return;
    const started = Date.now();
    let stopped = false;
    const timer = setInterval(() => {
      if (Date.now() - started > POLL_LIMIT_MS) {
        clearInterval(timer);
        setWaiting(false);
        return;
      }
      // A closed window can still have finished the consent just before: one last look decides which it was.
      const closed = consentWindow.current?.closed === true;
      if (closed) clearInterval(timer);
      poll()
        .then((next) => {
          if (stopped) return;
          if (next.state !== 'not_installed') onChanged(next);
          else if (closed) {
            setWaiting(false);
            setWindowClosed(true);
          }
        })
        .catch(() => {
          if (!stopped && closed) setWaiting(false);
        });
    }, POLL_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [waiting, poll, onChanged]);

  const install = (url: string) => {
    const popup = window.open(url, 'crm-admin-consent', 'popup,width=520,height=720');
    consentWindow.current = popup;
    setBlocked(popup === null);
    setStillNot(false);
    setWindowClosed(false);
    setWaiting(true);
  };

  const checkAgain = () => {
    setChecking(true);
    setStillNot(false);
    setWindowClosed(false);
    void onCheckAgain().then((next) => {
      setChecking(false);
      setStillNot(next?.state === 'not_installed');
    });
  };

  const checkAgainButton = (
    <Button
      appearance={me.isTenantAdmin && me.installUrl ? 'secondary' : 'primary'}
      onClick={checkAgain}
      disabled={checking}
      icon={checking ? <ButtonSpinner /> : undefined}
    >
      {t('app.checkAgain')}
    </Button>
  );

  return (
    <Page brand={brand}>
      <Hero icon={<PlugDisconnected48Regular />} title={t('notInstalled.title', { brand, tenant })}>
        {me.isTenantAdmin
          ? t('notInstalled.adminBody', { brand, tenant })
          : t('notInstalled.userBody', { brand, tenant })}
      </Hero>

      {me.isTenantAdmin && me.installUrl ? (
        <Section>
          {blocked && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                {t('notInstalled.popupBlocked')}{' '}
                <Link href={me.installUrl} target="_blank" rel="noopener">
                  {t('notInstalled.openConsentPage')}
                </Link>
              </MessageBarBody>
            </MessageBar>
          )}
          {windowClosed && (
            <MessageBar intent="warning" role="alert" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('notInstalled.windowClosedTitle')}</MessageBarTitle>{' '}
                {t('notInstalled.windowClosed', { brand, tenant })}
              </MessageBarBody>
            </MessageBar>
          )}
          {waiting && !blocked && <Spinner size="tiny" labelPosition="after" label={t('notInstalled.waiting')} />}
          {stillNot && <Body1 className={styles.muted}>{t('notInstalled.stillNotInstalled', { tenant })}</Body1>}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => install(me.installUrl!)}>
              {t('notInstalled.installButton', { tenant })}
            </Button>
            {checkAgainButton}
          </div>
        </Section>
      ) : (
        <Section>
          <AskAdministratorSection brand={brand} tenant={tenant} userName={me.user.name}>
            {stillNot && (
              <MessageBar intent="info" layout="multiline">
                <MessageBarBody>{t('notInstalled.stillNotInstalled', { tenant })}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.actions}>{checkAgainButton}</div>
          </AskAdministratorSection>
        </Section>
      )}
      <SignedInAs>{t('app.signedInAs', { email: me.user.email })}</SignedInAs>
    </Page>
  );
}
