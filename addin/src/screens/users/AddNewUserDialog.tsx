import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { errorCodeOf, userMessageOf } from '../../api/errors';
import type { AccessRequest } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { FormDialog } from '../../ui/FormDialog';
import { formatDate } from '../../users/model';
import { ButtonSpinner } from '../../ui/ButtonSpinner';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground3 },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
  center: { display: 'grid', placeItems: 'center', minHeight: '96px' },
});

type View =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | {
      status: 'ready';
      request: AccessRequest;
      message?: { intent: 'success' | 'info' | 'warning' | 'error'; text: string };
      /** Someone decided it meanwhile (409): no more buttons, whatever the request we hold says. */
      decidedElsewhere?: boolean;
    };

/**
 * Add New User (Neuen Benutzer hinzufügen): the requester from an approval link or Review, with Approve & Add and
 * Decline. Once decided (here, earlier, or by someone else meanwhile) it says so and the buttons are gone.
 */
export function AddNewUserDialog({
  brand,
  api,
  requestId,
  onClose,
  onDecided,
}: {
  brand: string;
  api: Api;
  /** The request to show; undefined keeps the dialog closed. */
  requestId: string | undefined;
  onClose: () => void;
  onDecided: (request: AccessRequest) => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [view, setView] = useState<View>({ status: 'loading' });
  const [deciding, setDeciding] = useState<'approve' | 'decline'>();

  useEffect(() => {
    if (requestId === undefined) return;
    let stale = false;
    setView({ status: 'loading' });
    api
      .getAccessRequest(requestId)
      .then((request) => !stale && setView({ status: 'ready', request }))
      .catch((error: unknown) => {
        if (stale) return;
        const code = errorCodeOf(error);
        setView({
          status: 'failed',
          message:
            code === 'invalid_request' || code === 'bad_response'
              ? t('review.invalidLink')
              : userMessageOf(error, t('error.generic')),
        });
      });
    return () => {
      stale = true;
    };
  }, [requestId, api, t]);

  const decide = (request: AccessRequest, decision: 'approve' | 'decline') => {
    setDeciding(decision);
    api
      .decideAccessRequest(request.id, decision)
      .then((decided) => {
        setDeciding(undefined);
        const text =
          decided.status === 'approved'
            ? t('review.approved', { name: decided.name })
            : t('review.declined', { name: decided.name });
        setView({
          status: 'ready',
          request: decided,
          message: { intent: decided.status === 'approved' ? 'success' : 'info', text },
        });
        onDecided(decided);
      })
      .catch((error: unknown) => {
        setDeciding(undefined);
        const alreadyDecided = errorCodeOf(error) === 'request_already_decided';
        setView({
          status: 'ready',
          request,
          message: { intent: alreadyDecided ? 'warning' : 'error', text: userMessageOf(error, t('error.generic')) },
          decidedElsewhere: alreadyDecided,
        });
        if (alreadyDecided) onDecided(request);
      });
  };

  const alreadyText = (request: AccessRequest): string | undefined => {
    const date = formatDate(request.decidedAt ?? request.createdAt, language);
    if (request.status === 'approved') return t('review.alreadyApproved', { date });
    if (request.status === 'declined') return t('review.alreadyDeclined', { date });
    return undefined;
  };

  const pending = view.status === 'ready' && view.request.status === 'pending' && view.decidedElsewhere !== true;

  return (
    <FormDialog
      open={requestId !== undefined}
      title={t('review.title')}
      width={480}
      busy={deciding !== undefined}
      onCancel={onClose}
      intro={pending && view.message === undefined ? t('review.body', { name: view.request.name, brand }) : undefined}
      actions={
        <>
          {view.status === 'ready' && pending && (
            <>
              <Button
                appearance="primary"
                disabledFocusable={deciding !== undefined}
                icon={deciding === 'approve' ? <ButtonSpinner /> : undefined}
                onClick={() => decide(view.request, 'approve')}
              >
                {t('review.approve')}
              </Button>
              <Button
                disabledFocusable={deciding !== undefined}
                icon={deciding === 'decline' ? <ButtonSpinner /> : undefined}
                onClick={() => decide(view.request, 'decline')}
              >
                {t('review.decline')}
              </Button>
            </>
          )}
          <Button
            appearance={pending ? 'subtle' : 'primary'}
            onClick={onClose}
            disabledFocusable={deciding !== undefined}
          >
            {pending ? t('common.cancel') : t('common.close')}
          </Button>
        </>
      }
    >
      {view.status === 'loading' && (
        <div className={styles.center}>
          <Spinner size="small" label={t('review.loading')} />
        </div>
      )}
      {view.status === 'failed' && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{view.message}</MessageBarBody>
        </MessageBar>
      )}
      {view.status === 'ready' && (
        <>
          {view.message !== undefined ? (
            <MessageBar
              intent={view.message.intent}
              role={view.message.intent === 'error' ? 'alert' : 'status'}
              layout="multiline"
            >
              <MessageBarBody>{view.message.text}</MessageBarBody>
            </MessageBar>
          ) : (
            !pending && (
              <MessageBar intent="info" role="status" layout="multiline">
                <MessageBarBody>{alreadyText(view.request)}</MessageBarBody>
              </MessageBar>
            )
          )}
          <dl className={styles.facts}>
            <dt>{t('review.name')}</dt>
            <dd>{view.request.name}</dd>
            <dt>{t('review.email')}</dt>
            <dd>{view.request.email}</dd>
            <dt>{t('review.requestedOn')}</dt>
            <dd>{formatDate(view.request.createdAt, language, true)}</dd>
          </dl>
        </>
      )}
    </FormDialog>
  );
}
