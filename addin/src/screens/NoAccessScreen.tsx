import { Body1, Button, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { PeopleTeam48Regular, PersonAdd20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Me, RequestAccessResult } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { useRequestAccess, type RequestDelivery } from '../session/useRequestAccess';
import { Hero, Page, Section, SignedInAs } from '../ui/Page';
import { ButtonSpinner } from '../ui/ButtonSpinner';

type NoAccess = Extract<Me, { state: 'no_access' }>;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The company already has a CRM organisation and this user is not in it: Request Access, or Check again. */
export function NoAccessScreen({
  brand,
  me,
  onCheckAgain,
  requestAccess,
  onRequested,
}: {
  brand: string;
  me: NoAccess;
  onCheckAgain: () => Promise<Me | undefined>;
  requestAccess: () => Promise<RequestAccessResult>;
  onRequested: (me: Me, delivery: RequestDelivery) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const organisation = me.organisation.name;
  const [checking, setChecking] = useState(false);
  const [stillNot, setStillNot] = useState(false);
  const access = useRequestAccess({ requestAccess, refreshMe: onCheckAgain, onRequested });

  const checkAgain = () => {
    setChecking(true);
    setStillNot(false);
    void onCheckAgain().then((next) => {
      setChecking(false);
      setStillNot(next?.state === 'no_access');
    });
  };

  return (
    <Page brand={brand}>
      <Hero icon={<PeopleTeam48Regular />} title={t('noAccess.title', { brand, organisation })}>
        {t('noAccess.body', { brand, organisation })}
      </Hero>
      <Section>
        <Body1 className={styles.muted}>{t('noAccess.hint', { brand, organisation })}</Body1>
        {stillNot && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t('noAccess.stillNoAccess', { organisation })}</MessageBarBody>
          </MessageBar>
        )}
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
