import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError } from '../api/errors';
import type { Me } from '../api/types';
import { useI18n } from '../i18n/I18nContext';
import { FormDialog } from '../ui/FormDialog';

/**
 * Link my account: the user signs in with an existing CRM account's own credentials; the service links it to
 * their Microsoft 365 identity and answers with the new /api/me. The service's error message is shown as is.
 */
export function LinkAccountDialog({
  brand,
  open,
  onOpenChange,
  link,
  onLinked,
}: {
  brand: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  link: (email: string, password: string) => Promise<Me>;
  onLinked: (me: Me) => void;
}) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = () => {
    if (email.trim() === '' || password === '') {
      setError(t('link.required'));
      return;
    }
    setBusy(true);
    setError(undefined);
    link(email.trim(), password)
      .then((me) => {
        setPassword('');
        onLinked(me);
      })
      .catch((failure: unknown) => {
        setBusy(false);
        setPassword('');
        setError(failure instanceof ApiError && failure.userMessage ? failure.userMessage : t('error.generic'));
      });
  };

  return (
    <FormDialog
      open={open}
      title={t('link.title')}
      width={480}
      busy={busy}
      intro={t('link.body', { brand })}
      problem={error}
      problemLayout="auto"
      submitLabel={t('link.submit')}
      cancelLabel={t('link.cancel')}
      onSubmit={submit}
      onCancel={() => onOpenChange(false)}
    >
      <Field label={t('link.email')} required>
        <Input
          type="email"
          autoComplete="username"
          value={email}
          onChange={(_event, data) => setEmail(data.value)}
          disabled={busy}
        />
      </Field>
      <Field label={t('link.password')} required>
        <Input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(_event, data) => setPassword(data.value)}
          disabled={busy}
        />
      </Field>
    </FormDialog>
  );
}
