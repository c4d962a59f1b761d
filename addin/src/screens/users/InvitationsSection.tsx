import { Badge, Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { Invitation } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Section } from '../../ui/Page';
import {
  formatDate,
  invitationActions,
  invitationBadge,
  sortInvitations,
  type InvitationBadge,
} from '../../users/model';
import { ButtonSpinner } from '../../ui/ButtonSpinner';

const badgeColor: Record<InvitationBadge, 'informative' | 'warning' | 'danger' | 'success' | 'subtle'> = {
  pending: 'informative',
  not_sent: 'warning',
  expired: 'subtle',
  accepted: 'success',
  revoked: 'danger',
};

const useStyles = makeStyles({
  heading: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, flex: '1 1 220px' },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  text: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  empty: { color: tokens.colorNeutralForeground2 },
});

/** Invitations with their state; Resend for open or expired ones, Revoke (after confirming) for open ones. */
export function InvitationsSection({
  invitations,
  resend,
  revoke,
}: {
  invitations: Invitation[];
  /** Resolves when the service answered; the page reports the outcome and refreshes. */
  resend: (invitation: Invitation) => Promise<void>;
  revoke: (invitation: Invitation) => Promise<void>;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const headingId = useId();
  const [busyId, setBusyId] = useState<string>();
  const [toRevoke, setToRevoke] = useState<Invitation>();
  const sorted = sortInvitations(invitations);

  const run = (invitation: Invitation, action: (i: Invitation) => Promise<void>) => {
    setBusyId(invitation.id);
    void action(invitation).finally(() => setBusyId(undefined));
  };

  return (
    <Section>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t('users.invitationsHeading')} ({invitations.length})
      </Subtitle2>
      {sorted.length === 0 ? (
        <Body1 className={styles.empty}>{t('users.invitationsEmpty')}</Body1>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {sorted.map((invitation) => {
            const badge = invitationBadge(invitation);
            const actions = invitationActions(invitation);
            const busy = busyId === invitation.id;
            return (
              <li key={invitation.id} className={styles.row}>
                <div className={styles.who}>
                  <div className={styles.line}>
                    <Body1 className={styles.text}>
                      <strong>{invitation.name ?? invitation.email}</strong>
                    </Body1>
                    <Badge appearance="tint" shape="rounded" color={badgeColor[badge]}>
                      {t(`invitationState.${badge}`)}
                    </Badge>
                  </div>
                  <Caption1 className={styles.muted}>
                    {invitation.name ? `${invitation.email} · ` : ''}
                    {invitation.source === 'office365' ? t('users.viaOffice365') : t('users.viaEmail')} ·{' '}
                    {t('users.invitedOn', { date: formatDate(invitation.createdAt, language) })}
                    {invitation.state === 'pending'
                      ? `, ${t('users.expiresOn', { date: formatDate(invitation.expiresAt, language) })}`
                      : ''}
                  </Caption1>
                </div>
                {(actions.resend || actions.revoke) && (
                  <div className={styles.actions}>
                    {actions.resend && (
                      <Button
                        size="small"
                        icon={busy ? <ButtonSpinner size="extra-tiny" /> : <ArrowClockwise20Regular />}
                        aria-label={t('users.resendLabel', { email: invitation.email })}
                        disabled={busyId !== undefined}
                        onClick={() => run(invitation, resend)}
                      >
                        {t('users.resend')}
                      </Button>
                    )}
                    {actions.revoke && (
                      <Button
                        size="small"
                        icon={<Dismiss20Regular />}
                        aria-label={t('users.revokeLabel', { email: invitation.email })}
                        disabled={busyId !== undefined}
                        onClick={() => setToRevoke(invitation)}
                      >
                        {t('users.revoke')}
                      </Button>
                    )}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {/* Revoke asks first: the link in the person's mailbox stops working. */}
      <ConfirmDialog
        subject={toRevoke}
        title={t('users.revokeTitle')}
        body={toRevoke && t('users.revokeBody', { email: toRevoke.email })}
        confirmLabel={t('users.revoke')}
        onCancel={() => setToRevoke(undefined)}
        onConfirm={(invitation) => {
          // The dialog closes at once; the row's buttons show the progress.
          setToRevoke(undefined);
          run(invitation, revoke);
        }}
      />
    </Section>
  );
}
