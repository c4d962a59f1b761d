import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from '@fluentui/react-components';
import type { Invitation } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({ surface: { maxWidth: 'min(440px, calc(100vw - 32px))' } });

/** Revoke asks first: the link in the person's mailbox stops working. */
export function RevokeInvitationDialog({
  invitation,
  onCancel,
  onConfirm,
}: {
  invitation: Invitation | undefined;
  onCancel: () => void;
  onConfirm: (invitation: Invitation) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Dialog open={invitation !== undefined} onOpenChange={(_event, data) => !data.open && onCancel()} modalType="alert">
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('users.revokeTitle')}</DialogTitle>
          <DialogContent>{invitation && t('users.revokeBody', { email: invitation.email })}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => invitation && onConfirm(invitation)}>
              {t('users.revoke')}
            </Button>
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
