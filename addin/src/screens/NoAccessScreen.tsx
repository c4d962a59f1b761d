import { Body1, Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { PeopleTeam48Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Me } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { Hero, Page, Section, SignedInAs } from '../ui/Page';

type NoAccess = Extract<Me, { state: 'no_access' }>;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * The company already has a CRM organisation and this user is not in it. The actions row is where
 * Request Access (Aufnahme beantragen) joins Check again.
 */
export function NoAccessScreen({
  brand,
  me,
  onCheckAgain,
}: {
  brand: string;
  me: NoAccess;
  onCheckAgain: () => Promise<Me | undefined>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const organisation = me.organisation.name;
  const [checking, setChecking] = useState(false);
  const [stillNot, setStillNot] = useState(false);

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
          <MessageBar intent="info">
            <MessageBarBody>{t('noAccess.stillNoAccess', { organisation })}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button onClick={checkAgain} disabled={checking} icon={checking ? <Spinner size="tiny" /> : undefined}>
            {t('app.checkAgain')}
          </Button>
        </div>
      </Section>
      <SignedInAs>{t('app.signedInAs', { email: me.user.email })}</SignedInAs>
    </Page>
  );
}
