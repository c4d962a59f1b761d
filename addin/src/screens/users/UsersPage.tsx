import {
  Body1,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Toast,
  Toaster,
  ToastTitle,
  tokens,
  useId,
  useToastController,
  type ToastIntent,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular, PeopleAdd20Regular, PersonAdd20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { errorCodeOf, userMessageOf } from '../../api/errors';
import type { AccessRequest, CrmUser, Invitation, InviteOutcome } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { Section } from '../../ui/Page';
import { AccessRequestsSection } from './AccessRequestsSection';
import { AddNewUserDialog } from './AddNewUserDialog';
import { AddUsersDialog } from './AddUsersDialog';
import { EditUserDialog } from './EditUserDialog';
import { InvitationsSection } from './InvitationsSection';
import { NewUserDialog } from './NewUserDialog';
import { useUsersOverview } from './useUsersOverview';
import { UsersTable } from './UsersTable';
import { ButtonSpinner } from '../../ui/ButtonSpinner';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  spacer: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorPaletteDarkOrangeForeground1, margin: 0 },
  center: { display: 'grid', placeItems: 'center', minHeight: '160px' },
  tableScroll: { overflowX: 'auto' },
});

/**
 * Settings > Setup > Users & Control > Users: the CRM users, Office 365 Users (Add Users) and New User, open
 * access requests and invitations. An approval link arrives here with the request to review.
 */
export function UsersPage({
  brand,
  api,
  currentUserId,
  reviewRequestId,
  onReviewClosed,
}: {
  brand: string;
  api: Api;
  currentUserId: string;
  /** From an approval link: open Add New User for this request once the page has loaded. */
  reviewRequestId?: string;
  onReviewClosed?: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [overview, reload] = useUsersOverview(api);
  const [addUsersOpen, setAddUsersOpen] = useState(false);
  const [newUserOpen, setNewUserOpen] = useState(false);
  const [reviewing, setReviewing] = useState<string>();
  const [editing, setEditing] = useState<CrmUser>();
  const upgradeHintId = useId('upgrade-hint');
  const toasterId = useId('users-toaster');
  const { dispatchToast } = useToastController(toasterId);

  const notify = useCallback(
    (intent: ToastIntent, text: string) =>
      dispatchToast(
        <Toast>
          <ToastTitle>{text}</ToastTitle>
        </Toast>,
        { intent, timeout: 6000 },
      ),
    [dispatchToast],
  );

  // The approval link's request opens only on a page the user may see: without Manage Users, the page itself
  // shows the service's permission message and no dialog opens on top of it.
  useEffect(() => {
    if (reviewRequestId !== undefined && overview.status === 'ready') setReviewing(reviewRequestId);
  }, [reviewRequestId, overview.status]);

  const closeReview = () => {
    setReviewing(undefined);
    onReviewClosed?.();
  };

  const resend = async (invitation: Invitation) => {
    try {
      const { mailSent } = await api.resendInvitation(invitation.id);
      notify(
        mailSent ? 'success' : 'warning',
        t(mailSent ? 'users.resent' : 'users.resendFailed', { email: invitation.email }),
      );
    } catch (error) {
      notify('error', userMessageOf(error, t('error.generic')));
    }
    await reload();
  };

  const revoke = async (invitation: Invitation) => {
    try {
      await api.revokeInvitation(invitation.id);
      notify('success', t('users.revoked', { email: invitation.email }));
    } catch (error) {
      notify('error', userMessageOf(error, t('error.generic')));
    }
    await reload();
  };

  const invited = (outcomes: InviteOutcome[]) => {
    void reload();
    const sent = outcomes.filter((o) => o.result === 'invited');
    if (outcomes.length === 1 && sent.length === 1) notify('success', t('newUser.sent', { email: sent[0]!.email }));
  };

  const decided = (request: AccessRequest) => {
    void reload();
    if (request.status === 'approved') notify('success', t('review.approved', { name: request.name }));
    if (request.status === 'declined') notify('info', t('review.declined', { name: request.name }));
  };

  const edited = (user: CrmUser, what: 'saved' | 'deactivated' | 'activated') => {
    void reload();
    notify('success', t(`editUser.${what}`, { name: user.name }));
  };

  const toaster = <Toaster toasterId={toasterId} position="bottom-end" />;

  if (overview.status === 'loading') {
    return (
      <Section>
        <div className={styles.center}>
          <Spinner size="small" label={t('users.loading')} />
        </div>
        {toaster}
      </Section>
    );
  }

  if (overview.status === 'error') {
    const denied = errorCodeOf(overview.error) === 'permission_denied' || errorCodeOf(overview.error) === 'not_member';
    return (
      <Section>
        <MessageBar intent={denied ? 'warning' : 'error'} role="alert" layout="multiline">
          <MessageBarBody>
            {denied && <MessageBarTitle>{t('users.noPermission')}</MessageBarTitle>}{' '}
            {userMessageOf(overview.error, t('error.generic'))}
          </MessageBarBody>
        </MessageBar>
        {!denied && (
          <div>
            <Button icon={<ArrowClockwise20Regular />} onClick={() => void reload()}>
              {t('error.retry')}
            </Button>
          </div>
        )}
        {toaster}
      </Section>
    );
  }

  const { data, refreshing } = overview;
  return (
    <>
      <Section>
        <Body1 className={styles.muted}>{t('users.intro', { brand, organisation: data.organisation.name })}</Body1>
        <div className={styles.toolbar}>
          <Button
            appearance="primary"
            icon={<PeopleAdd20Regular />}
            disabledFocusable={!data.organisation.paid}
            aria-describedby={data.organisation.paid ? undefined : upgradeHintId}
            onClick={() => setAddUsersOpen(true)}
          >
            {t('users.office365')}
          </Button>
          <Button icon={<PersonAdd20Regular />} onClick={() => setNewUserOpen(true)}>
            {t('users.newUser')}
          </Button>
          <span className={styles.spacer} />
          <Button
            appearance="subtle"
            icon={refreshing ? <ButtonSpinner /> : <ArrowClockwise20Regular />}
            disabled={refreshing}
            onClick={() => void reload()}
          >
            {t('users.refresh')}
          </Button>
        </div>
        {!data.organisation.paid && (
          <Caption1 as="p" id={upgradeHintId} className={styles.hint}>
            {t('users.upgradeHint', {
              organisation: data.organisation.name,
              edition: t(`edition.${data.organisation.edition}`),
            })}
          </Caption1>
        )}
        <div className={styles.tableScroll}>
          <UsersTable users={data.users} currentUserId={currentUserId} onEdit={setEditing} />
        </div>
      </Section>

      <AccessRequestsSection requests={data.accessRequests} onReview={setReviewing} />
      <InvitationsSection invitations={data.invitations} resend={resend} revoke={revoke} />

      <AddUsersDialog brand={brand} api={api} open={addUsersOpen} onOpenChange={setAddUsersOpen} onInvited={invited} />
      <NewUserDialog api={api} open={newUserOpen} onOpenChange={setNewUserOpen} onInvited={(o) => invited([o])} />
      <EditUserDialog
        api={api}
        user={editing}
        currentUserId={currentUserId}
        onClose={() => setEditing(undefined)}
        onChanged={edited}
      />
      <AddNewUserDialog brand={brand} api={api} requestId={reviewing} onClose={closeReview} onDecided={decided} />
      {toaster}
    </>
  );
}
