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
import type { Contact } from '../../api/types';
import { contactName } from '../../contacts/model';
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(440px, calc(100vw - 32px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Delete asks first; a refusal from the service stays in the dialog. */
export function DeleteContactDialog({
  brand,
  contact,
  onCancel,
  onConfirm,
}: {
  brand: string;
  contact: Contact | undefined;
  onCancel: () => void;
  onConfirm: (contact: Contact) => Promise<void>;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    setBusy(false);
    setProblem(undefined);
  }, [contact]);

  const confirm = () => {
    if (!contact) return;
    setBusy(true);
    setProblem(undefined);
    onConfirm(contact).catch((error: unknown) => {
      setBusy(false);
      setProblem(userMessageOf(error, t('error.generic')));
    });
  };

  return (
    <Dialog open={contact !== undefined} onOpenChange={(_e, data) => !busy && !data.open && onCancel()} modalType="alert">
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('deleteContact.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {problem !== undefined && (
              <MessageBar intent="error" role="alert" layout="multiline">
                <MessageBarBody>{problem}</MessageBarBody>
              </MessageBar>
            )}
            {contact && t('deleteContact.body', { name: contactName(contact), brand })}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={confirm} disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
              {t('deleteContact.confirm')}
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
