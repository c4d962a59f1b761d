import {
  Body1,
  Button,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular, MailArrowForward20Regular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { ComposeMessage } from '../../host/outlookItem';
import { useI18n } from '../../i18n/I18nContext';
import { ButtonSpinner } from '../../ui/ButtonSpinner';
import { Section } from '../../ui/Page';

// The add-in's custom property on the draft (the service looks for it on the sent copy).
const PROPERTY = 'crmFiling';

const useStyles = makeStyles({
  heading: { margin: 0 },
  text: { margin: 0, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type State =
  | { status: 'loading' }
  | { status: 'unmarked' }
  | { status: 'marked'; token: string }
  | { status: 'busy'; marking: boolean; token?: string };

/**
 * File when sent, for the message being written: the service gives a token, the draft carries it in the add-in's
 * custom property `crmFiling`, and once the message is sent its copy in Sent Items is filed on the CRM contacts it
 * involves. Opening the pane again on the same draft shows the mark; Don't file takes it off both sides.
 */
export function FileOnSendSection({ brand, api, message }: { brand: string; api: Api; message: ComposeMessage }) {
  const styles = useStyles();
  const { t } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (!message.canMark) return;
    let active = true;
    message
      .getProperty(PROPERTY)
      .then((token) => active && setState(token ? { status: 'marked', token } : { status: 'unmarked' }))
      .catch(() => active && setState({ status: 'unmarked' }));
    return () => {
      active = false;
    };
  }, [message]);

  const mark = async () => {
    setProblem(undefined);
    setState({ status: 'busy', marking: true });
    try {
      const { token } = await api.markFileOnSend();
      await message.setProperty(PROPERTY, token);
      setState({ status: 'marked', token });
    } catch (error) {
      setState({ status: 'unmarked' });
      setProblem(userMessageOf(error, t('fileOnSend.markFailed')));
    }
  };

  const unmark = async (token: string) => {
    setProblem(undefined);
    setState({ status: 'busy', marking: false, token });
    try {
      await message.removeProperty(PROPERTY);
      // The service may have forgotten it already (a week passed): the property is what counts.
      await api.cancelFileOnSend(token).catch(() => undefined);
      setState({ status: 'unmarked' });
    } catch (error) {
      setState({ status: 'marked', token });
      setProblem(userMessageOf(error, t('fileOnSend.unmarkFailed')));
    }
  };

  let body;
  if (!message.canMark) {
    body = (
      <Body1 as="p" className={styles.text}>
        {t('fileOnSend.cannot')}
      </Body1>
    );
  } else if (state.status === 'loading') {
    body = <Spinner size="tiny" labelPosition="after" label={t('fileOnSend.loading')} />;
  } else if (state.status === 'marked' || (state.status === 'busy' && !state.marking)) {
    const token = state.status === 'marked' ? state.token : state.token!;
    body = (
      <>
        <MessageBar intent="success" role="status" layout="multiline">
          <MessageBarBody>{t('fileOnSend.marked', { brand })}</MessageBarBody>
        </MessageBar>
        <div className={styles.actions}>
          <Button
            icon={state.status === 'busy' ? <ButtonSpinner /> : <Dismiss20Regular />}
            disabled={state.status === 'busy'}
            onClick={() => void unmark(token)}
          >
            {t('fileOnSend.unmark')}
          </Button>
        </div>
      </>
    );
  } else {
    body = (
      <>
        <Body1 as="p" className={styles.text}>
          {t('fileOnSend.intro', { brand })}
        </Body1>
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={state.status === 'busy' ? <ButtonSpinner /> : <MailArrowForward20Regular />}
            disabled={state.status === 'busy'}
            onClick={() => void mark()}
          >
            {t('fileOnSend.mark')}
          </Button>
        </div>
      </>
    );
  }

  return (
    <Section label={t('fileMail.sectionLabel')}>
      <Subtitle2 as="h2" className={styles.heading}>
        {t('fileMail.sectionLabel')}
      </Subtitle2>
      {problem !== undefined && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {body}
    </Section>
  );
}
