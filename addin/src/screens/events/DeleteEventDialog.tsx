import type { CrmEvent } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';

/** Delete asks first (a series says that all its occurrences go); a refusal from the service stays in the dialog. */
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
  const { t } = useI18n();
  return (
    <ConfirmDialog
      subject={event}
      title={t('deleteEvent.title')}
      body={event && t(event.recurrence ? 'deleteEvent.seriesBody' : 'deleteEvent.body', { subject: event.subject, brand })}
      confirmLabel={t('deleteEvent.confirm')}
      onCancel={onCancel}
      onConfirm={onConfirm}
    />
  );
}
