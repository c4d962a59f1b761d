import { Button } from '@fluentui/react-components';
import { PeopleProhibited48Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Me } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { Hero, Page, Section, SignedInAs } from '../ui/Page';
import { ButtonSpinner } from '../ui/ButtonSpinner';

type Deactivated = Extract<Me, { state: 'deactivated' }>;

/** The caller's CRM user was set inactive by an administrator: who to ask, and Check again once they have. */
export function DeactivatedScreen({
  brand,
  me,
  onCheckAgain,
}: {
  brand: string;
  me: Deactivated;
  onCheckAgain: () => Promise<Me | undefined>;
}) {
  const { t } = useI18n();
  const [checking, setChecking] = useState(false);
  const checkAgain = () => {
    setChecking(true);
    void onCheckAgain().then(() => setChecking(false));
  };
  return (
    <Page brand={brand}>
      <Hero icon={<PeopleProhibited48Regular />} title={t('deactivated.title')}>
        {t('deactivated.body', { brand, organisation: me.organisation.name })}
      </Hero>
      <Section>
        <Button onClick={checkAgain} disabled={checking} icon={checking ? <ButtonSpinner /> : undefined}>
          {t('app.checkAgain')}
        </Button>
      </Section>
      <SignedInAs>{t('app.signedInAs', { email: me.user.email })}</SignedInAs>
    </Page>
  );
}
