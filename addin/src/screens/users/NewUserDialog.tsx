import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { InviteOutcome } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { FormDialog } from '../../ui/FormDialog';
import { isValidEmail } from '../../users/model';
import { USER_LIMITS } from '../../../../common/fieldLimits';
import { limitState } from '../../ui/fieldLimit';

/**
 * New User (Neuer Benutzer): invite anyone by e-mail address. A sent invitation closes the dialog (the page
 * confirms it); any other outcome or a refusal stays in the dialog, next to the fields.
 */
export function NewUserDialog({
  api,
  open,
  onOpenChange,
  onInvited,
}: {
  api: Api;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onInvited: (outcome: InviteOutcome) => void;
}) {
  const { t, language } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ intent: 'error' | 'warning'; text: string }>();

  useEffect(() => {
    if (!open) return;
    setName('');
    setEmail('');
    setTouched(false);
    setProblem(undefined);
  }, [open]);

  const emailInvalid = touched && !isValidEmail(email);

  const submit = () => {
    setTouched(true);
    if (!isValidEmail(email)) return;
    setBusy(true);
    setProblem(undefined);
    api
      .inviteByEmail(email.trim(), name.trim() || undefined)
      .then(({ outcomes }) => {
        setBusy(false);
        const outcome = outcomes[0];
        if (!outcome) return;
        onInvited(outcome);
        if (outcome.result === 'invited') {
          onOpenChange(false);
        } else {
          setProblem({
            intent: 'warning',
            text: t('newUser.outcome', { email: outcome.email, outcome: t(`outcome.${outcome.result}`) }),
          });
        }
      })
      .catch((error: unknown) => {
        setBusy(false);
        setProblem({ intent: 'error', text: userMessageOf(error, t('error.generic')) });
      });
  };

  return (
    <FormDialog
      open={open}
      title={t('newUser.title')}
      width={480}
      busy={busy}
      intro={t('newUser.body')}
      problem={problem?.text}
      problemIntent={problem?.intent}
      problemLayout="auto"
      submitLabel={t('newUser.submit')}
      onSubmit={submit}
      onCancel={() => onOpenChange(false)}
    >
      <Field label={t('newUser.name')} {...limitState(name, USER_LIMITS.name, t('newUser.nameField'), t, language)}>
        <Input
          autoComplete="off"
          value={name}
          maxLength={USER_LIMITS.name}
          onChange={(_event, data) => setName(data.value)}
          disabled={busy}
        />
      </Field>
      <Field
        label={t('newUser.email')}
        required
        {...(emailInvalid
          ? { validationState: 'error', validationMessage: t('newUser.invalidEmail') }
          : limitState(email, USER_LIMITS.email, t('newUser.email'), t, language))}
      >
        <Input
          maxLength={USER_LIMITS.email}
          type="email"
          autoComplete="off"
          value={email}
          onChange={(_event, data) => setEmail(data.value)}
          onBlur={() => email.trim() !== '' && setTouched(true)}
          disabled={busy}
        />
      </Field>
    </FormDialog>
  );
}
