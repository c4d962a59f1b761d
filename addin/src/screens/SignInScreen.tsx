import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { LockClosed48Regular } from '@fluentui/react-icons';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nContext';
import type { SignInProblem } from '../session/useSession';
import { Hero, Page, Section } from '../ui/Page';

const problemText: Record<SignInProblem, MessageKey> = {
  popup_blocked: 'signIn.popupBlocked',
  cancelled: 'signIn.cancelled',
  rejected: 'signIn.rejected',
  other: 'signIn.failed',
};

const useStyles = makeStyles({
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** No token without the user: one button that opens Microsoft's sign-in (a popup, or the host's own UI). */
export function SignInScreen({
  brand,
  busy,
  problem,
  onSignIn,
}: {
  brand: string;
  busy: boolean;
  problem?: SignInProblem;
  onSignIn: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Page brand={brand}>
      <Hero icon={<LockClosed48Regular />} title={t('signIn.title', { brand })}>
        {t('signIn.body', { brand })}
      </Hero>
      <Section>
        {problem !== undefined && (
          <MessageBar intent={problem === 'cancelled' ? 'warning' : 'error'} layout="multiline">
            <MessageBarBody>{t(problemText[problem])}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" onClick={onSignIn} disabled={busy}>
            {t('signIn.button')}
          </Button>
          {busy && <Spinner size="tiny" label={t('signIn.busy')} />}
        </div>
      </Section>
    </Page>
  );
}
