import {
  Body1,
  Body1Strong,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowClockwise20Regular,
  Delete20Regular,
  MailArrowForward20Regular,
  PersonAdd20Regular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { FiledMail, InvolvedContact, MailLookup } from '../../api/types';
import type { CurrentMessage } from '../../host/outlookItem';
import { useI18n } from '../../i18n/I18nContext';
import { ButtonSpinner } from '../../ui/ButtonSpinner';
import { Section } from '../../ui/Page';
import { FileMailDialog } from './FileMailDialog';

const useStyles = makeStyles({
  text: { margin: 0, overflowWrap: 'anywhere' },
  muted: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type State = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; lookup: MailLookup };

type Outcome = { intent: 'success' | 'error'; text: string } | undefined;

/**
 * File to CRM for the open e-mail, or Filed with whom and Remove from CRM. `refreshKey` changes when a contact was
 * added from the pane, so the choice of contacts is asked for again.
 */
export function FileMailSection({
  brand,
  api,
  message,
  refreshKey,
  onFilingChanged,
}: {
  brand: string;
  api: Api;
  message: CurrentMessage;
  refreshKey: number;
  /** After the e-mail was filed or removed. */
  onFilingChanged: () => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [dialog, setDialog] = useState<{ open: boolean; adding: boolean }>({ open: false, adding: false });
  const [removing, setRemoving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const addresses = [message.from, ...message.to, ...message.cc]
    .filter((a) => a !== undefined)
    .map((a) => a.emailAddress);
  const addressKey = addresses.join('\n');
  const { internetMessageId, itemId } = message;

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const lookup = await api.lookupMail(internetMessageId, addressKey === '' ? [] : addressKey.split('\n'));
      setState({ status: 'ready', lookup });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, [api, internetMessageId, addressKey]);

  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  const names = (mail: FiledMail) =>
    new Intl.ListFormat(language, { type: 'conjunction' }).format(mail.contacts.map((c) => c.name || c.email));

  const showMail = (mail: FiledMail | null) =>
    setState((current) =>
      current.status === 'ready' ? { status: 'ready', lookup: { ...current.lookup, mail } } : current,
    );

  const remove = (mail: FiledMail) => {
    setRemoving(true);
    setOutcome(undefined);
    api
      .removeMail(mail.id)
      .then(({ mail: remaining }) => {
        showMail(remaining);
        onFilingChanged();
        setOutcome({
          intent: 'success',
          text: remaining ? t('fileMail.keptByOthers', { names: names(remaining) }) : t('fileMail.removed', { brand }),
        });
      })
      .catch((error: unknown) =>
        setOutcome({ intent: 'error', text: userMessageOf(error, t('fileMail.removeFailed')) }),
      )
      .finally(() => setRemoving(false));
  };

  let body;
  if (itemId === undefined || internetMessageId === undefined) {
    body = (
      <Body1 as="p" className={styles.muted}>
        {t('fileMail.cannot')}
      </Body1>
    );
  } else if (state.status === 'loading') {
    body = <Spinner size="tiny" labelPosition="after" label={t('fileMail.loading')} />;
  } else if (state.status === 'error') {
    body = (
      <>
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            {t('fileMail.loadFailed')} {userMessageOf(state.error, '')}
          </MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button icon={<ArrowClockwise20Regular />} onClick={() => void load()}>
            {t('mail.retry')}
          </Button>
        </div>
      </>
    );
  } else if (state.lookup.mail) {
    const mail = state.lookup.mail;
    const mayRemove = mail.contacts.some((c) => c.removable) || mail.contacts.length === 0;
    const more = notYetOn(state.lookup.contacts, mail);
    body = (
      <>
        <Body1Strong as="p" className={styles.text}>
          {t('fileMail.filed')}
        </Body1Strong>
        {mail.contacts.length > 0 && (
          <Body1 as="p" className={styles.text}>
            {t('fileMail.filedWith', { names: names(mail) })}
          </Body1>
        )}
        {(mayRemove || more.length > 0) && (
          <div className={styles.actions}>
            {more.length > 0 && (
              <Button
                icon={<PersonAdd20Regular />}
                disabled={removing}
                onClick={() => {
                  setOutcome(undefined);
                  setDialog({ open: true, adding: true });
                }}
              >
                {t('fileMail.addContacts')}
              </Button>
            )}
            {mayRemove && (
              <Button
                icon={removing ? <ButtonSpinner /> : <Delete20Regular />}
                disabled={removing}
                onClick={() => remove(mail)}
              >
                {t('fileMail.remove')}
              </Button>
            )}
          </div>
        )}
      </>
    );
  } else if (state.lookup.contacts.length === 0) {
    body = (
      <Body1 as="p" className={styles.muted}>
        {t('fileMail.noContacts', { brand })}
      </Body1>
    );
  } else {
    body = (
      <>
        <Body1 as="p" className={styles.muted}>
          {t('fileMail.intro', { brand })}
        </Body1>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={<MailArrowForward20Regular />}
            onClick={() => {
              setOutcome(undefined);
              setDialog({ open: true, adding: false });
            }}
          >
            {t('fileMail.file')}
          </Button>
        </div>
      </>
    );
  }

  return (
    <Section label={t('fileMail.sectionLabel')}>
      {outcome && (
        <MessageBar intent={outcome.intent} role={outcome.intent === 'error' ? 'alert' : 'status'} layout="multiline">
          <MessageBarBody>{outcome.text}</MessageBarBody>
        </MessageBar>
      )}
      {body}
      {itemId !== undefined && state.status === 'ready' && (
        <FileMailDialog
          open={dialog.open}
          adding={dialog.adding}
          api={api}
          itemId={itemId}
          contacts={
            dialog.adding && state.lookup.mail
              ? notYetOn(state.lookup.contacts, state.lookup.mail)
              : state.lookup.contacts
          }
          onCancel={() => setDialog((current) => ({ ...current, open: false }))}
          onFiled={(mail) => {
            setDialog((current) => ({ ...current, open: false }));
            showMail(mail);
            onFilingChanged();
          }}
        />
      )}
    </Section>
  );
}

/** The contacts the e-mail involves that it is not filed on yet (filing again adds them: one mail, more links). */
function notYetOn(involved: InvolvedContact[], mail: FiledMail): InvolvedContact[] {
  const on = new Set(mail.contacts.map((c) => c.id));
  return involved.filter((c) => !on.has(c.contactId));
}
