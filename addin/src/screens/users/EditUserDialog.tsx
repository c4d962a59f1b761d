import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import { ROLES, type CrmUser, type Profile, type Role } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { FormDialog } from '../../ui/FormDialog';

const PROFILES: readonly Profile[] = ['super_admin', 'administrator', 'standard'];

const useStyles = makeStyles({
  access: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'flex-start' },
  accessText: { margin: 0 },
});

/**
 * Edit user (Manage Users): the profile (what the user may do, Manage Users among it), the role, and whether the
 * user may use the CRM at all. Deactivating asks first, since it also stops the user's syncs. Refusals (the last
 * Super Admin, oneself) stay in the dialog in the service's words.
 */
export function EditUserDialog({
  api,
  user,
  currentUserId,
  onClose,
  onChanged,
}: {
  api: Api;
  user: CrmUser | undefined;
  currentUserId: string;
  onClose: () => void;
  onChanged: (user: CrmUser, what: 'saved' | 'deactivated' | 'activated') => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [profile, setProfile] = useState('');
  const [role, setRole] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string>();
  // The user last opened stays on show while the dialog closes, so it closes like every other dialog (its animation,
  // then the focus back on the row's Edit button) instead of vanishing with the focus inside.
  const [shown, setShown] = useState(user);
  if (user !== undefined && user !== shown) setShown(user);

  useEffect(() => {
    if (!user) return;
    setProfile(user.profile);
    setRole(user.role);
    setConfirming(false);
    setProblem(undefined);
  }, [user]);

  const act = (what: 'saved' | 'deactivated' | 'activated', call: () => Promise<CrmUser>) => {
    setBusy(true);
    setProblem(undefined);
    call()
      .then((changed) => {
        setBusy(false);
        onChanged(changed, what);
        onClose();
      })
      .catch((error: unknown) => {
        setBusy(false);
        setConfirming(false);
        setProblem(userMessageOf(error, t('error.generic')));
      });
  };

  if (!shown) return null;
  const active = shown.status === 'active';
  const self = shown.id === currentUserId;
  const save = () =>
    act('saved', () =>
      api.changeUser(shown.id, {
        ...(profile !== shown.profile ? { profile: profile as Profile } : {}),
        ...(role !== shown.role ? { role: role as Role } : {}),
      }),
    );
  const unchanged = profile === shown.profile && role === shown.role;

  return (
    <FormDialog
      open={user !== undefined}
      title={t('editUser.title', { name: shown.name })}
      width={480}
      busy={busy}
      intro={shown.email}
      problem={problem}
      submitLabel={t('editUser.save')}
      submitDisabled={unchanged}
      onSubmit={save}
      onCancel={onClose}
    >
      <Field label={t('users.colProfile')} hint={t('editUser.profileHint')}>
        <Select value={profile} onChange={(_event, data) => setProfile(data.value)} disabled={busy}>
          {PROFILES.map((value) => (
            <option key={value} value={value}>
              {t(`profile.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('editUser.role')}>
        <Select value={role} onChange={(_event, data) => setRole(data.value)} disabled={busy}>
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t(`role.${value}`)}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.access}>
        <p className={styles.accessText}>
          {active ? t('editUser.activeText', { name: shown.name }) : t('editUser.inactiveText', { name: shown.name })}
        </p>
        {active && !confirming && (
          <Button disabled={busy || self} onClick={() => setConfirming(true)}>
            {t('editUser.deactivate')}
          </Button>
        )}
        {active && self && <p className={styles.accessText}>{t('editUser.notSelf')}</p>}
        {!active && (
          <Button disabled={busy} onClick={() => act('activated', () => api.activateUser(shown.id))}>
            {t('editUser.activate')}
          </Button>
        )}
        {confirming && (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>{t('editUser.confirmDeactivate', { name: shown.name })}</MessageBarBody>
            <MessageBarActions>
              <Button
                appearance="primary"
                disabled={busy}
                onClick={() => act('deactivated', () => api.deactivateUser(shown.id))}
              >
                {t('editUser.confirmDeactivateButton')}
              </Button>
              <Button disabled={busy} onClick={() => setConfirming(false)}>
                {t('editUser.keepActive')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
    </FormDialog>
  );
}
