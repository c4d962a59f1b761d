import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircle20Regular, Warning20Regular } from '@fluentui/react-icons';
import { useEffect, useId, useMemo, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { DirectoryUser, InviteOutcome } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { FormDialog } from '../../ui/FormDialog';
import { filterDirectoryUsers, isSuccess } from '../../users/model';
import { SearchBox } from '../../ui/SearchBox';
import { ButtonSpinner } from '../../ui/ButtonSpinner';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    maxHeight: 'min(320px, 45vh)',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  item: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    ':last-child': { borderBottom: 'none' },
  },
  person: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1, paddingTop: tokens.spacingVerticalXS },
  details: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere', paddingLeft: tokens.spacingHorizontalS },
  checkbox: { overflowWrap: 'anywhere' },
  resultText: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  resultEmail: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  badge: { marginTop: tokens.spacingVerticalS, flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  count: {
    color: tokens.colorNeutralForeground2,
    textAlign: 'end',
    marginTop: `calc(-1 * ${tokens.spacingVerticalS})`,
  },
  result: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  ok: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  center: { display: 'grid', placeItems: 'center', minHeight: '120px' },
});

type Load = { status: 'loading' } | { status: 'ready'; users: DirectoryUser[] } | { status: 'error'; message: string };

/**
 * Add Users (Benutzer hinzufügen): the tenant's directory users who are not CRM users yet, searchable,
 * multi-select; Save invites each selected person and shows what happened to each.
 */
export function AddUsersDialog({
  brand,
  api,
  open,
  onOpenChange,
  onInvited,
}: {
  brand: string;
  api: Api;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onInvited: (outcomes: InviteOutcome[]) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string>();
  const [outcomes, setOutcomes] = useState<InviteOutcome[]>();
  const [wasOpen, setWasOpen] = useState(open);

  // Opened again: start from an empty form in this very render. Showing the last list for a moment let Fluent put the
  // focus in its search box, which the reload's spinner then removed, dropping the focus out of the dialog.
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setLoad({ status: 'loading' });
      setQuery('');
      setSelected(new Set());
      setSaveError(undefined);
      setOutcomes(undefined);
    }
  }

  useEffect(() => {
    if (!open) return;
    let stale = false;
    api
      .listDirectoryUsers()
      .then(({ users }) => !stale && setLoad({ status: 'ready', users }))
      .catch(
        (error: unknown) => !stale && setLoad({ status: 'error', message: userMessageOf(error, t('error.generic')) }),
      );
    return () => {
      stale = true;
    };
  }, [open, api, t]);

  const visible = useMemo(
    () => (load.status === 'ready' ? filterDirectoryUsers(load.users, query) : []),
    [load, query],
  );

  const toggle = (id: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  const save = () => {
    setSaving(true);
    setSaveError(undefined);
    api
      .inviteDirectoryUsers([...selected])
      .then(({ outcomes: result }) => {
        setSaving(false);
        setOutcomes(result);
        onInvited(result);
      })
      .catch((error: unknown) => {
        setSaving(false);
        setSaveError(userMessageOf(error, t('error.generic')));
      });
  };

  const close = () => onOpenChange(false);

  return (
    <FormDialog
      open={open}
      title={t('addUsers.title')}
      width={560}
      busy={saving}
      onCancel={close}
      intro={outcomes === undefined ? t('addUsers.body', { brand }) : undefined}
      actions={
        outcomes === undefined ? (
          <>
            {/* While saving the buttons stay focusable, so the focus stays on Save until Close replaces it. */}
            <Button
              appearance="primary"
              disabled={!saving && (selected.size === 0 || load.status !== 'ready')}
              disabledFocusable={saving}
              onClick={save}
              icon={saving ? <ButtonSpinner /> : undefined}
            >
              {saving ? t('addUsers.saving') : t('addUsers.save')}
            </Button>
            <Button onClick={close} disabledFocusable={saving}>
              {t('common.cancel')}
            </Button>
          </>
        ) : (
          <Button appearance="primary" onClick={close}>
            {t('common.close')}
          </Button>
        )
      }
    >
      {outcomes !== undefined ? (
        <Outcomes outcomes={outcomes} />
      ) : (
        <>
          {load.status === 'loading' && (
            <div className={styles.center}>
              <Spinner size="small" label={t('addUsers.loading')} />
            </div>
          )}
          {load.status === 'error' && (
            <MessageBar intent="error" role="alert" layout="multiline">
              <MessageBarBody>{load.message}</MessageBarBody>
            </MessageBar>
          )}
          {load.status === 'ready' && (
            <>
              <Field label={t('addUsers.search')}>
                <SearchBox
                  value={query}
                  placeholder={t('addUsers.searchPlaceholder')}
                  onChange={(_event, data) => setQuery(data.value)}
                  disabled={saving}
                />
              </Field>
              {load.users.length === 0 ? (
                <Body1 className={styles.muted}>{t('addUsers.none', { brand })}</Body1>
              ) : visible.length === 0 ? (
                <Body1 className={styles.muted} role="status">
                  {t('addUsers.noMatch', { query: query.trim() })}
                </Body1>
              ) : (
                <ul className={styles.list} aria-label={t('addUsers.listLabel')}>
                  {visible.map((user) => (
                    <PersonOption
                      key={user.id}
                      user={user}
                      checked={selected.has(user.id)}
                      disabled={saving}
                      onChange={(checked) => toggle(user.id, checked)}
                    />
                  ))}
                </ul>
              )}
              <Caption1 className={styles.count} aria-live="polite">
                {t('addUsers.selected', { count: selected.size })}
              </Caption1>
              {saveError !== undefined && (
                <MessageBar intent="error" role="alert" layout="multiline">
                  <MessageBarBody>{saveError}</MessageBarBody>
                </MessageBar>
              )}
            </>
          )}
        </>
      )}
    </FormDialog>
  );
}

/** One person: a checkbox named by their name, described by e-mail and job title; invited people are marked. */
function PersonOption({
  user,
  checked,
  disabled,
  onChange,
}: {
  user: DirectoryUser;
  checked: boolean;
  disabled: boolean;
  onChange: (checked: boolean) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const detailsId = useId();
  const badgeId = useId();
  return (
    <li className={styles.item}>
      <div className={styles.person}>
        <Checkbox
          className={styles.checkbox}
          label={user.name}
          checked={user.invited ? false : checked}
          disabled={disabled || user.invited}
          aria-describedby={user.invited ? `${detailsId} ${badgeId}` : detailsId}
          onChange={(_event, data) => onChange(data.checked === true)}
        />
        <Caption1 id={detailsId} className={styles.details}>
          {user.jobTitle ? `${user.email} · ${user.jobTitle}` : user.email}
        </Caption1>
      </div>
      {user.invited && (
        <Badge id={badgeId} className={styles.badge} appearance="tint" color="informative" shape="rounded">
          {t('addUsers.alreadyInvited')}
        </Badge>
      )}
    </li>
  );
}

/** After Save: one line per person saying what happened, with a count on top. */
function Outcomes({ outcomes }: { outcomes: InviteOutcome[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  const invited = outcomes.filter((o) => isSuccess(o.result)).length;
  return (
    <>
      <MessageBar intent={invited === outcomes.length ? 'success' : 'warning'} role="status" layout="multiline">
        <MessageBarBody>{t('addUsers.summary', { invited, total: outcomes.length })}</MessageBarBody>
      </MessageBar>
      <ul className={styles.list} aria-label={t('addUsers.resultLabel')}>
        {outcomes.map((outcome) => (
          <li key={`${outcome.email}-${outcome.result}`} className={mergeClasses(styles.item, styles.result)}>
            <span className={isSuccess(outcome.result) ? styles.ok : styles.warn} aria-hidden="true">
              {isSuccess(outcome.result) ? <CheckmarkCircle20Regular /> : <Warning20Regular />}
            </span>
            <span className={styles.resultText}>
              <Body1>
                <strong>{outcome.name}</strong> – {t(`outcome.${outcome.result}`)}
              </Body1>
              <Caption1 className={styles.resultEmail}>{outcome.email}</Caption1>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
