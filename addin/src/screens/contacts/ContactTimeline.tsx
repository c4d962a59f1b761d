import { Body1Strong, Button, Caption1, Link, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular, CalendarLtr16Regular, Mail16Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import type { TimelineEntry } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { ButtonSpinner } from '../../ui/ButtonSpinner';
import { MailTextDialog } from './MailTextDialog';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  entry: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  icon: { flexShrink: 0, display: 'flex', paddingTop: '2px', color: tokens.colorNeutralForeground3 },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

type State =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'ready'; entries: TimelineEntry[]; nextCursor: string | null; more: 'idle' | 'loading' | 'error' };

/**
 * A contact's filed mails and meetings, newest first, a page at a time (Show older); a mail opens its text.
 * `changeKey` changes when something was filed, so the first page is read again.
 */
export function ContactTimeline({
  api,
  contactId,
  name,
  pageSize,
  changeKey = 0,
}: {
  api: Api;
  contactId: string;
  name: string;
  pageSize: number;
  changeKey?: number;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [open, setOpen] = useState<{ id: string; subject: string }>();

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const page = await api.contactTimeline(contactId, pageSize);
      setState({ status: 'ready', entries: page.entries, nextCursor: page.nextCursor, more: 'idle' });
    } catch {
      setState({ status: 'error' });
    }
  }, [api, contactId, pageSize]);

  useEffect(() => {
    void load();
  }, [load, changeKey]);

  const loadOlder = (cursor: string) => {
    setState((s) => (s.status === 'ready' ? { ...s, more: 'loading' } : s));
    api
      .contactTimeline(contactId, pageSize, cursor)
      .then((page) =>
        setState((s) =>
          s.status === 'ready'
            ? { status: 'ready', entries: [...s.entries, ...page.entries], nextCursor: page.nextCursor, more: 'idle' }
            : s,
        ),
      )
      .catch(() => setState((s) => (s.status === 'ready' ? { ...s, more: 'error' } : s)));
  };

  if (state.status === 'loading') return <Spinner size="tiny" labelPosition="after" label={t('timeline.loading')} />;
  if (state.status === 'error')
    return (
      <div>
        <Caption1 className={styles.muted}>{t('timeline.failed')}</Caption1>{' '}
        <Button size="small" icon={<ArrowClockwise20Regular />} onClick={() => void load()}>
          {t('mail.retry')}
        </Button>
      </div>
    );
  if (state.entries.length === 0) return <Caption1 className={styles.muted}>{t('timeline.empty', { name })}</Caption1>;

  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const dateOnly = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const nextCursor = state.nextCursor;

  return (
    <>
      <ul className={styles.list} aria-label={t('timeline.heading', { name })}>
        {state.entries.map((entry) => (
          <li key={`${entry.kind}:${entry.id}`} className={styles.entry}>
            <span className={styles.icon} aria-hidden="true">
              {entry.kind === 'mail' ? <Mail16Regular /> : <CalendarLtr16Regular />}
            </span>
            {entry.kind === 'mail' ? (
              <span className={styles.text}>
                <Link
                  as="button"
                  aria-label={t('timeline.openMail', { subject: entry.subject })}
                  onClick={() => setOpen({ id: entry.id, subject: entry.subject })}
                >
                  {entry.subject}
                </Link>
                <Caption1 className={styles.muted}>
                  {t('timeline.mailFrom', { name: entry.from.name || entry.from.address })} ·{' '}
                  {dateTime.format(new Date(entry.at))}
                  {entry.attachmentCount > 0 && ` · ${t('timeline.attachments', { count: entry.attachmentCount })}`}
                </Caption1>
                {entry.preview !== '' && <Caption1 className={styles.muted}>{entry.preview}</Caption1>}
              </span>
            ) : (
              <span className={styles.text}>
                <Body1Strong>{entry.subject}</Body1Strong>
                <Caption1 className={styles.muted}>
                  {t(entry.isSeries ? 'timeline.series' : 'timeline.meeting')} ·{' '}
                  {(entry.isAllDay ? dateOnly : dateTime).format(new Date(entry.at))}
                  {entry.location !== '' && ` · ${entry.location}`}
                </Caption1>
              </span>
            )}
          </li>
        ))}
      </ul>
      {nextCursor !== null && (
        <div>
          <Button
            size="small"
            disabled={state.more === 'loading'}
            icon={state.more === 'loading' ? <ButtonSpinner /> : undefined}
            onClick={() => loadOlder(nextCursor)}
          >
            {t('timeline.more')}
          </Button>
          {state.more === 'error' && <Caption1 className={styles.muted}> {t('timeline.failed')}</Caption1>}
        </div>
      )}
      <MailTextDialog api={api} mailId={open?.id} subject={open?.subject ?? ''} onClose={() => setOpen(undefined)} />
    </>
  );
}
