import {
  Body1,
  Button,
  Caption1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle1,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, ArrowClockwise20Regular, ArrowImport20Regular, Dismiss20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { Contact } from '../../api/types';
import { contactName } from '../../contacts/model';
import { useI18n } from '../../i18n/I18nContext';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Section } from '../../ui/Page';
import { ContactDialog, type ContactDialogMode } from './ContactDialog';
import { ContactHistoryDialog } from './ContactHistoryDialog';
import { ContactRow } from './ContactRow';
import { ImportCsvDialog } from '../../ui/ImportCsvDialog';
import { useLiveChanges } from '../../live/useLiveChanges';
import { useContacts } from './useContacts';
import { SearchBox } from '../../ui/SearchBox';
import { ButtonSpinner } from '../../ui/ButtonSpinner';

const useStyles = makeStyles({
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  spacer: { flexGrow: 1 },
  center: { display: 'grid', placeItems: 'center', minHeight: '160px' },
  search: { maxWidth: '100%' },
  list: { listStyle: 'none', margin: 0, padding: 0 },
});

type Notice = { intent: 'success' | 'error'; text: string };

/** Contacts: the user's own CRM contacts with search, New contact, Edit, Delete, Import CSV and Refresh. */
export function ContactsPage({ brand, api }: { brand: string; api: Api }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [state, reload] = useContacts(api, query);
  useLiveChanges(api, () => void reload({ quiet: true }));
  const [dialog, setDialog] = useState<ContactDialogMode>();
  const [history, setHistory] = useState<Contact>();
  const [deleting, setDeleting] = useState<Contact>();
  const [importOpen, setImportOpen] = useState(false);
  const [notice, setNotice] = useState<Notice>();

  const saved = (contact: Contact, mode: ContactDialogMode) => {
    setDialog(undefined);
    setNotice({
      intent: 'success',
      text: t(mode.kind === 'new' ? 'contacts.created' : 'contacts.saved', { name: contactName(contact) }),
    });
    void reload();
  };

  const remove = async (contact: Contact) => {
    await api.deleteContact(contact.id);
    setDeleting(undefined);
    setNotice({ intent: 'success', text: t('contacts.deleted', { name: contactName(contact) }) });
    void reload();
  };

  const imported = (count: number) => {
    setImportOpen(false);
    setNotice({
      intent: 'success',
      text: count === 1 ? t('contacts.importDoneOne') : t('contacts.importDone', { count }),
    });
    void reload();
  };

  const refreshing = state.status === 'ready' && state.refreshing;
  return (
    <>
      <Section>
        <Subtitle1 as="h1" className={styles.heading}>
          {t('contacts.title')}
        </Subtitle1>
        <Body1 as="p" className={styles.muted}>
          {t('contacts.intro', { brand })}
        </Body1>
        <div className={styles.toolbar}>
          <Button appearance="primary" icon={<Add20Regular />} onClick={() => setDialog({ kind: 'new' })}>
            {t('contacts.new')}
          </Button>
          <Button icon={<ArrowImport20Regular />} onClick={() => setImportOpen(true)}>
            {t('contacts.import')}
          </Button>
          <span className={styles.spacer} />
          <Button
            appearance="subtle"
            icon={refreshing || state.status === 'loading' ? <ButtonSpinner /> : <ArrowClockwise20Regular />}
            disabled={refreshing || state.status === 'loading'}
            onClick={() => void reload()}
          >
            {t('contacts.refresh')}
          </Button>
        </div>
        {notice !== undefined && (
          <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'} layout="multiline">
            <MessageBarBody>{notice.text}</MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  icon={<Dismiss20Regular />}
                  aria-label={t('common.close')}
                  onClick={() => setNotice(undefined)}
                />
              }
            />
          </MessageBar>
        )}
      </Section>

      <Section label={t('contacts.listLabel')}>
        <Field label={t('contacts.search')}>
          <SearchBox
            className={styles.search}
            value={query}
            onChange={(_e, data) => setQuery(data.value)}
            placeholder={t('contacts.search')}
          />
        </Field>

        {state.status === 'loading' && (
          <div className={styles.center}>
            <Spinner size="small" label={t('contacts.loading')} />
          </div>
        )}

        {state.status === 'error' && (
          <>
            <MessageBar intent="error" role="alert" layout="multiline">
              <MessageBarBody>{userMessageOf(state.error, t('error.generic'))}</MessageBarBody>
            </MessageBar>
            <div>
              <Button icon={<ArrowClockwise20Regular />} onClick={() => void reload()}>
                {t('error.retry')}
              </Button>
            </div>
          </>
        )}

        {state.status === 'ready' && state.contacts.length === 0 && (
          <Body1 as="p" className={styles.muted} role="status">
            {state.query === '' ? t('contacts.empty') : t('contacts.noMatch', { query: state.query })}
          </Body1>
        )}

        {state.status === 'ready' && state.contacts.length > 0 && (
          <>
            <Caption1 className={styles.muted} role="status">
              {state.contacts.length === 1
                ? t('contacts.countOne')
                : t('contacts.count', { count: state.contacts.length })}
            </Caption1>
            <ul className={styles.list} aria-label={t('contacts.listLabel')}>
              {state.contacts.map((contact) => (
                <ContactRow
                  key={contact.id}
                  contact={contact}
                  onEdit={(c) => setDialog({ kind: 'edit', contact: c })}
                  onHistory={setHistory}
                  onDelete={setDeleting}
                />
              ))}
            </ul>
          </>
        )}
      </Section>

      <ContactDialog mode={dialog} api={api} onCancel={() => setDialog(undefined)} onSaved={saved} />
      <ContactHistoryDialog api={api} contact={history} onClose={() => setHistory(undefined)} />
      <ConfirmDialog
        subject={deleting}
        title={t('deleteContact.title')}
        body={deleting && t('deleteContact.body', { name: contactName(deleting), brand })}
        confirmLabel={t('deleteContact.confirm')}
        onCancel={() => setDeleting(undefined)}
        onConfirm={remove}
      />
      <ImportCsvDialog
        kind={{
          title: 'importContacts.title',
          body: 'importContacts.body',
          note: 'importContacts.note',
          importCsv: (csv) => api.importContacts(csv),
        }}
        open={importOpen}
        onOpenChange={setImportOpen}
        onImported={imported}
      />
    </>
  );
}
