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
import { useEffect, useState } from 'react';
import { userMessageOf } from '../../api/errors';
import type { CrmEvent } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(440px, calc(100vw - 32px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Delete asks first; a refusal from the service stays in the dialog. */
export function DeleteEventDialog({
  brand,
  event,
  onCancel,
  onConfirm,
}: {
  brand: string;
  event: CrmEvent | undefined;
  onCancel: () => void;
  onConfirm: (event: CrmEvent) => Promise<void>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    setBusy(false);
    setProblem(undefined);
  }, [event]);

  const confirm = () => {
    if (!event) return;
    setBusy(true);
    setProblem(undefined);
    onConfirm(event).catch((error: unknown) => {
      setBusy(false);
      setProblem(userMessageOf(error, t('error.generic')));
    });
  };

  return (
    <Dialog open={event !== undefined} onOpenChange={(_e, data) => !busy && !data.open && onCancel()} modalType="alert">
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('deleteEvent.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {problem !== undefined && (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{problem}</MessageBarBody>
              </MessageBar>
            )}
            {event && t('deleteEvent.body', { subject: event.subject, brand })}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={confirm} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
              {t('deleteEvent.confirm')}
            </Button>
            <Button onClick={onCancel} disabled={busy}>
              {t('common.cancel')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
