import { Body1, Button, Field, makeStyles, Subtitle2, Textarea, tokens } from '@fluentui/react-components';
import { Copy20Regular, Mail20Regular } from '@fluentui/react-icons';
import { useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  message: { minHeight: '11em' },
});

/**
 * For a person who cannot install: who can (the Microsoft 365 roles that grant admin consent), what to ask for, and
 * a message to copy or send. The administrator's name is not shown: until the app is installed Microsoft 365 lets
 * it read nothing of the organisation's directory, so it cannot know who they are.
 */
export function AskAdministratorSection({
  brand,
  tenant,
  userName,
  children,
}: {
  brand: string;
  tenant: string;
  userName: string;
  /** Check again, and what it found. */
  children: ReactNode;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [copied, setCopied] = useState<'copied' | 'failed'>();
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const appUrl = `${window.location.origin}/`;
  const message = t('askAdmin.message', { brand, tenant, appUrl, name: userName });
  const subject = t('askAdmin.subject', { brand });

  const copy = () => {
    navigator.clipboard
      .writeText(message)
      .then(() => setCopied('copied'))
      .catch(() => {
        // Some hosts (an Outlook pane) refuse the clipboard: the text is selected so Ctrl+C copies it.
        messageRef.current?.focus();
        messageRef.current?.select();
        setCopied('failed');
      });
  };

  return (
    <>
      <Subtitle2 as="h2" className={styles.heading}>
        {t('notInstalled.askHeading')}
      </Subtitle2>
      <Body1 as="p" className={styles.muted}>
        {t('askAdmin.who', { tenant })}
      </Body1>
      <Body1 as="p" className={styles.muted}>
        {t('askAdmin.whyNoName', { brand })}
      </Body1>
      <Field label={t('askAdmin.messageLabel')}>
        <Textarea
          ref={messageRef}
          readOnly
          value={message}
          resize="vertical"
          textarea={{ className: styles.message }}
        />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<Copy20Regular />} onClick={copy}>
          {t('askAdmin.copy')}
        </Button>
        <Button
          as="a"
          icon={<Mail20Regular />}
          href={`mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(message)}`}
        >
          {t('askAdmin.email')}
        </Button>
        <span role="status">{copied && t(copied === 'copied' ? 'askAdmin.copied' : 'askAdmin.copyFailed')}</span>
      </div>
      <Body1 as="p" className={styles.muted}>
        {t('notInstalled.userHint')}
      </Body1>
      {children}
    </>
  );
}
