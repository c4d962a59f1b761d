import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/errors';
import type { Me } from '../api/types';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  body: { margin: 0, color: tokens.colorNeutralForeground2 },
  surface: { maxWidth: 'min(480px, calc(100vw - 32px))' },
});

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
  const styles = useStyles();
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
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
    <Dialog open={open} onOpenChange={(_event, data) => !busy && onOpenChange(data.open)} modalType="modal">
      <DialogSurface className={styles.surface}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('link.title')}</DialogTitle>
            <DialogContent className={styles.form}>
              <p className={styles.body}>{t('link.body', { brand })}</p>
              {error !== undefined && (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{error}</MessageBarBody>
                </MessageBar>
              )}
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
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
                {t('link.submit')}
              </Button>
              <Button appearance="secondary" onClick={() => onOpenChange(false)} disabled={busy}>
                {t('link.cancel')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
