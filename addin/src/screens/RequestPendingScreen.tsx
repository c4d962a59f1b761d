import { Body1, Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { Clock48Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Me } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import type { RequestDelivery } from '../session/useRequestAccess';
import { Hero, Page, Section, SignedInAs } from '../ui/Page';
import { formatDate } from '../users/model';
import { ButtonSpinner } from '../ui/ButtonSpinner';

type Pending = Extract<Me, { state: 'request_pending' }>;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Request Access was sent: who got it, when, and Check again for when the e-mail has not arrived yet. */
export function RequestPendingScreen({
  brand,
  me,
  delivery,
  onCheckAgain,
}: {
  brand: string;
  me: Pending;
  /** Present right after asking: how many administrators the request mail reached. */
  delivery?: RequestDelivery;
  onCheckAgain: () => Promise<Me | undefined>;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const organisation = me.organisation.name;
  const [checking, setChecking] = useState(false);
  const [stillPending, setStillPending] = useState(false);

  const checkAgain = () => {
    setChecking(true);
    setStillPending(false);
    void onCheckAgain().then((next) => {
      setChecking(false);
      setStillPending(next?.state === 'request_pending');
    });
  };

  return (
    <Page brand={brand}>
      <Hero icon={<Clock48Regular />} title={t('requestPending.title')}>
        {t('requestPending.body', { brand, organisation })}
      </Hero>
      {delivery !== undefined && delivery.mailFailed > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {delivery.mailFailed === 1
              ? t('requestPending.mailFailedOne')
              : t('requestPending.mailFailed', { count: delivery.mailFailed })}
          </MessageBarBody>
        </MessageBar>
      )}
      {delivery !== undefined && delivery.mailFailed === 0 && delivery.notified > 0 && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {delivery.notified === 1
              ? t('requestPending.sentOne', { organisation })
              : t('requestPending.sent', { count: delivery.notified, organisation })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Section>
        <Body1>{t('common.requestedOn', { date: formatDate(me.request.createdAt, language, true) })}</Body1>
        {stillPending && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t('requestPending.stillPending')}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button onClick={checkAgain} disabled={checking} icon={checking ? <ButtonSpinner /> : undefined}>
            {t('app.checkAgain')}
          </Button>
        </div>
      </Section>
      <SignedInAs>{t('app.signedInAs', { email: me.user.email })}</SignedInAs>
    </Page>
  );
}
