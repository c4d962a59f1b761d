import {
  Body1,
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { Link20Regular, ShieldCheckmark48Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ApiError } from '../api/errors';
import type { Me } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { Hero, Page, Section, SignedInAs } from '../ui/Page';
import { Terms } from '../ui/Terms';
import { LinkAccountDialog } from './LinkAccountDialog';

type FirstVisit = Extract<Me, { state: 'first_visit' }>;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  linkRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** The temporary account page: accept the terms and Continue to create the CRM account, or link an existing one. */
export function FirstVisitScreen({
  brand,
  me,
  createOrganisation,
  linkAccount,
  onDone,
}: {
  brand: string;
  me: FirstVisit;
  createOrganisation: () => Promise<Me>;
  linkAccount: (email: string, password: string) => Promise<Me>;
  onDone: (me: Me) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [accepted, setAccepted] = useState(false);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string>();
  const [linkOpen, setLinkOpen] = useState(false);

  const create = () => {
    setCreating(true);
    setError(undefined);
    createOrganisation()
      .then(onDone)
      .catch((failure: unknown) => {
        setCreating(false);
        setError(failure instanceof ApiError && failure.userMessage ? failure.userMessage : t('error.generic'));
      });
  };

  return (
    <Page brand={brand}>
      <Hero icon={<ShieldCheckmark48Regular />} title={t('firstVisit.title', { brand })}>
        {t('firstVisit.body', { brand, email: me.user.email })}
      </Hero>

      <Section>
        <Terms brand={brand} />
        <Checkbox
          label={t('firstVisit.accept')}
          checked={accepted}
          onChange={(_event, data) => setAccepted(data.checked === true)}
          disabled={creating}
        />
        {error !== undefined && (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!accepted || creating} onClick={create}>
            {t('firstVisit.continue')}
          </Button>
          {creating && <Spinner size="tiny" label={t('firstVisit.creating')} />}
        </div>
      </Section>

      <Section>
        <div className={styles.linkRow}>
          <Body1 className={styles.muted}>{t('firstVisit.linkPrompt', { brand })}</Body1>
          <Button appearance="secondary" icon={<Link20Regular />} onClick={() => setLinkOpen(true)} disabled={creating}>
            {t('firstVisit.linkButton')}
          </Button>
        </div>
      </Section>

      <SignedInAs>{t('app.signedInAs', { email: me.user.email })}</SignedInAs>

      <LinkAccountDialog
        brand={brand}
        open={linkOpen}
        onOpenChange={setLinkOpen}
        link={linkAccount}
        onLinked={onDone}
      />
    </Page>
  );
}
