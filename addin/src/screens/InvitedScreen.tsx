import {
  Body1,
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { Link20Regular, Mail48Regular, MailRead48Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { errorCodeOf, userMessageOf } from '../api/errors';
import type { Me } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { Hero, Page, Section, SignedInAs } from '../ui/Page';
import { Terms } from '../ui/Terms';
import { formatDate } from '../users/model';
import { LinkAccountDialog } from './LinkAccountDialog';

/** Refusals that belong to the link itself: the link is spent, the user goes on without it. */
const LINK_ERRORS = new Set([
  'invitation_not_found',
  'invitation_used',
  'invitation_revoked',
  'invitation_expired',
  'invitation_other_address',
]);

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  linkRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  barActions: { flexWrap: 'wrap' },
});

/**
 * The temporary account page for an invited user (state invited, or arriving by the e-mail's invitation link):
 * accept the terms and Continue to join the inviting organisation, or Link my account to keep another one.
 */
export function InvitedScreen({
  brand,
  me,
  token,
  acceptInvitation,
  checkInvitation,
  linkAccount,
  onDone,
  onLinkSpent,
  onContinueWithoutLink,
  onAlreadyMember,
}: {
  brand: string;
  me: Exclude<Me, { state: 'member' }>;
  /** The secret from the e-mail's link; absent when the service found the invitation by address. */
  token?: string;
  acceptInvitation: (token?: string) => Promise<Me>;
  /** Asked once for a link, before any terms: may this person use it at all? */
  checkInvitation: (token: string) => Promise<void>;
  linkAccount: (email: string, password: string) => Promise<Me>;
  onDone: (me: Me) => void;
  /** The link has been tried: take it out of the address bar. */
  onLinkSpent: () => void;
  /** Forget the link and show what the account state alone says. */
  onContinueWithoutLink: () => void;
  onAlreadyMember: () => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [accepted, setAccepted] = useState(false);
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<{ message: string; ofLink: boolean }>();
  const [linkOpen, setLinkOpen] = useState(false);
  // A link is checked before its terms are shown; without a link the service found the invitation by address.
  const [checking, setChecking] = useState(token !== undefined);

  useEffect(() => {
    if (token === undefined) return;
    let active = true;
    checkInvitation(token)
      .catch((failure: unknown) => {
        if (!active) return;
        const code = errorCodeOf(failure);
        if (code === 'already_member') {
          onAlreadyMember();
          return;
        }
        // Other failures (the service unreachable) are met again, and explained, on Continue.
        if (code === undefined || !LINK_ERRORS.has(code)) return;
        onLinkSpent();
        setError({ message: userMessageOf(failure, t('error.generic')), ofLink: true });
      })
      .finally(() => {
        if (active) setChecking(false);
      });
    return () => {
      active = false;
    };
    // Checked once per link (the screen is keyed by the token); the callbacks may change identity between renders.
  }, [token]);

  const organisation = 'organisation' in me ? me.organisation.name : undefined;
  const expiresAt = me.state === 'invited' ? me.invitation.expiresAt : undefined;

  const join = () => {
    setJoining(true);
    setError(undefined);
    acceptInvitation(token)
      .then((next) => {
        if (token !== undefined) onLinkSpent();
        onDone(next);
      })
      .catch((failure: unknown) => {
        setJoining(false);
        const code = errorCodeOf(failure);
        if (code === 'already_member') {
          onAlreadyMember();
          return;
        }
        const ofLink = code !== undefined && LINK_ERRORS.has(code);
        if (ofLink && token !== undefined) onLinkSpent();
        setError({ message: userMessageOf(failure, t('error.generic')), ofLink });
      });
  };

  if (checking) {
    return (
      <Page brand={brand}>
        <Spinner label={t('invited.checking')} />
      </Page>
    );
  }

  if (error?.ofLink) {
    // Nothing to accept: no terms, only what happened and the way on.
    return (
      <Page brand={brand}>
        <Hero icon={<MailRead48Regular />} title={t('invited.linkProblem')}>
          {error.message}
        </Hero>
        <Section>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={onContinueWithoutLink}>
              {t('invited.withoutLink')}
            </Button>
          </div>
        </Section>
        <SignedInAs>{t('app.signedInAs', { email: me.user.email })}</SignedInAs>
      </Page>
    );
  }

  return (
    <Page brand={brand}>
      <Hero
        icon={<Mail48Regular />}
        title={organisation ? t('invited.title', { brand, organisation }) : t('invited.titleUnknown', { brand })}
      >
        {organisation
          ? t('invited.body', { brand, organisation, email: me.user.email })
          : t('invited.bodyUnknown', { brand, email: me.user.email })}
        {expiresAt !== undefined && <> {t('invited.expires', { date: formatDate(expiresAt, language) })}</>}
      </Hero>

      {error?.ofLink && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('invited.linkProblem')}</MessageBarTitle> {error.message}
          </MessageBarBody>
          <MessageBarActions className={styles.barActions}>
            <Button appearance="primary" size="small" onClick={onContinueWithoutLink}>
              {t('invited.withoutLink')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}

      <Section>
        <Terms brand={brand} />
        <Checkbox
          label={t('firstVisit.accept')}
          checked={accepted}
          onChange={(_event, data) => setAccepted(data.checked === true)}
          disabled={joining || error?.ofLink === true}
        />
        {error !== undefined && !error.ofLink && (
          <MessageBar intent="error" role="alert" layout="multiline">
            <MessageBarBody>{error.message}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" disabled={!accepted || joining || error?.ofLink === true} onClick={join}>
            {t('firstVisit.continue')}
          </Button>
          {joining && <Spinner size="tiny" label={t('invited.joining')} />}
        </div>
      </Section>

      <Section>
        <div className={styles.linkRow}>
          <Body1 className={styles.muted}>{t('firstVisit.linkPrompt', { brand })}</Body1>
          <Button appearance="secondary" icon={<Link20Regular />} onClick={() => setLinkOpen(true)} disabled={joining}>
            {t('firstVisit.linkButton')}
          </Button>
        </div>
        <p className={styles.note}>{t('invited.linkNote', { brand })}</p>
      </Section>

      <SignedInAs>{t('app.signedInAs', { email: me.user.email })}</SignedInAs>

      <LinkAccountDialog
        brand={brand}
        open={linkOpen}
        onOpenChange={setLinkOpen}
        link={linkAccount}
        onLinked={(next) => {
          if (token !== undefined) onLinkSpent();
          onDone(next);
        }}
      />
    </Page>
  );
}
