import { Button } from '@fluentui/react-components';
import type { Api } from '../../api/client';
import type { Contact } from '../../api/types';
import { contactName } from '../../contacts/model';
import { useI18n } from '../../i18n/I18nContext';
import { FormDialog } from '../../ui/FormDialog';
import { ContactTimeline } from './ContactTimeline';

/** A contact's history in the Contacts view: filed e-mails and meetings, newest first. */
export function ContactHistoryDialog({
  api,
  contact,
  onClose,
}: {
  api: Api;
  /** undefined: closed. */
  contact: Contact | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const name = contact ? contactName(contact) : '';
  return (
    <FormDialog
      open={contact !== undefined}
      title={t('timeline.heading', { name })}
      width={600}
      onCancel={onClose}
      actions={
        <Button appearance="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      {contact && <ContactTimeline api={api} contactId={contact.id} name={name} pageSize={10} />}
    </FormDialog>
  );
}
