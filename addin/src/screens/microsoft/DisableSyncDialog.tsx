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

/** Disable asks first: the calendar leaves Outlook (the events stay in the CRM). */
export function DisableSyncDialog({
  open,
  calendarName,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  calendarName: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Dialog open={open} onOpenChange={(_e, data) => !data.open && onCancel()} modalType="alert">
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('disableSync.title')}</DialogTitle>
          <DialogContent>{t('disableSync.body', { calendarName })}</DialogContent>
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
