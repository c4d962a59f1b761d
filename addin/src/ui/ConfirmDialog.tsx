import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { userMessageOf } from '../api/errors';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  // Opened over another dialog too: its backdrop dims that one (Fluent leaves a nested dialog's backdrop clear).
  backdrop: { backgroundColor: tokens.colorBackgroundOverlay },
  surface: { maxWidth: 'min(440px, calc(100vw - 32px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/**
 * Asks before something that cannot be undone; while the service works the dialog stays, and a refusal is shown in
 * it in the service's words. Open while `subject` is set.
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
  onConfirm: (subject: T) => Promise<void>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    setBusy(false);
    setProblem(undefined);
  }, [subject]);

  const confirm = () => {
    if (subject === undefined) return;
    setBusy(true);
    setProblem(undefined);
    onConfirm(subject).catch((error: unknown) => {
      setBusy(false);
      setProblem(userMessageOf(error, t('error.generic')));
    });
  };

  return (
    <Dialog open={subject !== undefined} onOpenChange={(_e, data) => !busy && !data.open && onCancel()} modalType="alert">
      <DialogSurface className={styles.surface} backdrop={{ className: styles.backdrop }}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {problem !== undefined && (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{problem}</MessageBarBody>
              </MessageBar>
            )}
            {subject !== undefined && body}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={confirm} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
              {confirmLabel}
            </Button>
            <Button onClick={onCancel} disabled={busy}>
              {dismissLabel ?? t('common.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
