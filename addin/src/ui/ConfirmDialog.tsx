import { useEffect, useState, type ReactNode } from 'react';
import { userMessageOf } from '../api/errors';
import { useI18n } from '../i18n/I18nContext';
import { FormDialog } from './FormDialog';

/**
 * Asks before something that cannot be undone. Open while `subject` is set. When `onConfirm` returns a promise the
 * dialog stays while the service works and shows a refusal in the service's words; when it returns nothing the
 * caller has closed the dialog and shows the progress elsewhere.
 */
export function ConfirmDialog<T>({
  subject,
  title,
  body,
  confirmLabel,
  dismissLabel,
  onCancel,
  onConfirm,
}: {
  subject: T | undefined;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  /** 'Cancel' unless the confirm label itself says cancel. */
  dismissLabel?: string;
  onCancel: () => void;
  onConfirm: (subject: T) => Promise<void> | void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    setBusy(false);
    setProblem(undefined);
  }, [subject]);

  const confirm = () => {
    if (subject === undefined) return;
    const working = onConfirm(subject);
    if (!working) return;
    setBusy(true);
    setProblem(undefined);
    working.catch((error: unknown) => {
      setBusy(false);
      setProblem(userMessageOf(error, t('error.generic')));
    });
  };

  return (
    <FormDialog
      open={subject !== undefined}
      title={title}
      width={440}
      modalType="alert"
      busy={busy}
      problem={problem}
      submitLabel={confirmLabel}
      cancelLabel={dismissLabel}
      onSubmit={confirm}
      onCancel={onCancel}
    >
      {subject !== undefined && body}
    </FormDialog>
  );
}
