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
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({ surface: { maxWidth: 'min(440px, calc(100vw - 32px))' } });

/** Disable asks first: the calendar or contact folder leaves Outlook (the events or contacts stay in the CRM). */
export function DisableSyncDialog({
  open,
  title,
  body,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  title: string;
  body: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && onCancel()} modalType="alert">
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              {t('disableSync.confirm')}
            </Button>
            <Button onClick={onCancel}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
