import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { FiledMail, MailParty } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { FormDialog } from '../../ui/FormDialog';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground3 },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  text: {
    margin: 0,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
  },
});

type State = { status: 'loading' } | { status: 'ready'; mail: FiledMail } | { status: 'error'; error: unknown };

const partyText = (p: MailParty) => (p.name && p.name !== p.address ? `${p.name} <${p.address}>` : p.address);

/** A filed mail's text, as it was filed, with its header and the names of its attachments. */
export function MailTextDialog({
  api,
  mailId,
  subject,
  onClose,
}: {
  api: Api;
  /** undefined: closed. */
  mailId: string | undefined;
  subject: string;
  onClose: () => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    if (mailId === undefined) return;
    let current = true;
    setState({ status: 'loading' });
    api
      .readMail(mailId)
      .then((mail) => current && setState({ status: 'ready', mail }))
      .catch((error: unknown) => current && setState({ status: 'error', error }));
    return () => {
      current = false;
    };
  }, [api, mailId]);

  let content;
  if (state.status === 'loading') content = <Spinner size="tiny" labelPosition="after" label={t('mailText.loading')} />;
  else if (state.status === 'error')
    content = (
      <MessageBar intent="error" role="alert" layout="multiline">
        <MessageBarBody>{userMessageOf(state.error, t('mailText.failed'))}</MessageBarBody>
      </MessageBar>
    );
  else {
    const mail = state.mail;
    const sent = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(mail.sentAt),
    );
    content = (
      <>
        <dl className={styles.facts}>
          <dt>{t('mailText.from')}</dt>
          <dd>{partyText(mail.from)}</dd>
          {mail.to.length > 0 && (
            <>
              <dt>{t('mailText.to')}</dt>
              <dd>{mail.to.map(partyText).join(', ')}</dd>
            </>
          )}
          {mail.cc.length > 0 && (
            <>
              <dt>{t('mailText.cc')}</dt>
              <dd>{mail.cc.map(partyText).join(', ')}</dd>
            </>
          )}
          <dt>{t('mailText.sent')}</dt>
          <dd>{sent}</dd>
          {mail.attachments.length > 0 && (
            <>
              <dt>{t('mailText.attachments')}</dt>
              <dd>{mail.attachments.map((a) => a.name).join(', ')}</dd>
            </>
          )}
        </dl>
        <p className={styles.text}>{mail.bodyText}</p>
        {mail.bodyTruncated && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>{t('mailText.truncated')}</MessageBarBody>
          </MessageBar>
        )}
      </>
    );
  }

  return (
    <FormDialog
      open={mailId !== undefined}
      title={subject}
      width={600}
      onCancel={onClose}
      actions={
        <Button appearance="primary" onClick={onClose}>
          {t('common.close')}
        </Button>
      }
    >
      {content}
    </FormDialog>
  );
}
