import { Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { PersonAdd20Regular, PeopleProhibited48Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Me, RequestAccessResult } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { useRequestAccess, type RequestDelivery } from '../session/useRequestAccess';
import { Hero, Page, Section, SignedInAs } from '../ui/Page';
import { formatDate } from '../users/model';
import { ButtonSpinner } from '../ui/ButtonSpinner';

type Declined = Extract<Me, { state: 'request_declined' }>;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** An administrator said no: when, and Request Access again (or Check again after talking to them). */
export function RequestDeclinedScreen({
  brand,
  me,
  onCheckAgain,
  requestAccess,
  onRequested,
}: {
  brand: string;
  me: Declined;
  onCheckAgain: () => Promise<Me | undefined>;
  requestAccess: () => Promise<RequestAccessResult>;
  onRequested: (me: Me, delivery: RequestDelivery) => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const organisation = me.organisation.name;
  const [checking, setChecking] = useState(false);
  const access = useRequestAccess({ requestAccess, refreshMe: onCheckAgain, onRequested });
  const date = formatDate(me.request.decidedAt ?? me.request.createdAt, language);

  const checkAgain = () => {
    setChecking(true);
    void onCheckAgain().then(() => setChecking(false));
  };

  return (
    <Page brand={brand}>
      <Hero icon={<PeopleProhibited48Regular />} title={t('requestDeclined.title')}>
        {t('requestDeclined.body', { brand, organisation, date })}
      </Hero>
      <Section>
        {access.error !== undefined && (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{access.error}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={access.busy ? <ButtonSpinner /> : <PersonAdd20Regular />}
            onClick={access.request}
            disabled={access.busy || checking}
          >
            {t('access.request')}
          </Button>
          <Button
            onClick={checkAgain}
            disabled={checking || access.busy}
            icon={checking ? <ButtonSpinner /> : undefined}
          >
            {t('app.checkAgain')}
          </Button>
          {access.busy && <span className={styles.muted}>{t('access.requesting')}</span>}
        </div>
      </Section>
      <SignedInAs>{t('app.signedInAs', { email: me.user.email })}</SignedInAs>
    </Page>
  );
}
