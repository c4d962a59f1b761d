import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { FiledMail, InvolvedContact } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { FormDialog } from '../../ui/FormDialog';

const useStyles = makeStyles({
  options: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    border: 0,
    margin: 0,
    padding: 0,
  },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

/**
 * File to CRM: the contacts the e-mail involves, all ticked; the user unticks any they do not want. `adding` offers,
 * for a mail already filed, the involved contacts it is not on yet.
 */
export function FileMailDialog({
  open,
  adding = false,
  api,
  itemId,
  contacts,
  onCancel,
  onFiled,
}: {
  open: boolean;
  adding?: boolean;
  api: Api;
  itemId: string;
  contacts: InvolvedContact[];
  onCancel: () => void;
  onFiled: (mail: FiledMail) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setTicked(new Set(contacts.map((c) => c.contactId)));
    setProblem(undefined);
  }, [open, contacts]);

  const toggle = (contactId: string, on: boolean) =>
    setTicked((current) => {
      const next = new Set(current);
      if (on) next.add(contactId);
      else next.delete(contactId);
      return next;
    });

  const submit = () => {
    if (ticked.size === 0) {
      setProblem(t('fileMail.noneTicked'));
      return;
    }
    setBusy(true);
    setProblem(undefined);
    api
      .fileMail(
        itemId,
        contacts.map((c) => c.contactId).filter((id) => ticked.has(id)),
      )
      .then(onFiled)
      .catch((error: unknown) => setProblem(userMessageOf(error, t('fileMail.failed'))))
      .finally(() => setBusy(false));
  };

  return (
    <FormDialog
      open={open}
      title={t(adding ? 'fileMail.addContacts' : 'fileMail.file')}
      width={440}
      busy={busy}
      onCancel={onCancel}
      intro={t(adding ? 'fileMail.addIntro' : 'fileMail.dialogIntro')}
      problem={problem}
      submitLabel={t(adding ? 'fileMail.addSubmit' : 'fileMail.submit')}
      onSubmit={submit}
    >
      <fieldset className={styles.options}>
        <legend className={styles.legend}>{t('fileMail.contacts')}</legend>
        {contacts.map((contact) => (
          <Checkbox
            key={contact.contactId}
            checked={ticked.has(contact.contactId)}
            disabled={busy}
            onChange={(_event, data) => toggle(contact.contactId, data.checked === true)}
            label={t('fileMail.contactOption', { name: contact.name || contact.address, address: contact.address })}
          />
        ))}
      </fieldset>
    </FormDialog>
  );
}
