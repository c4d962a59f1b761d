import {
  Body1,
  Body1Strong,
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { SetAsideItem, SyncKind } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import type { MessageKey } from '../../i18n/translate';
import { formatInstant } from '../../sync/model';
import { Section } from '../../ui/Page';
import { ButtonSpinner } from '../../ui/ButtonSpinner';

const useStyles = makeStyles({
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0, flex: '1 1 220px' },
  wrap: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

// Automatic filing sets nothing aside: a mail it cannot read fails the run, which tries again.
const headings: Record<Exclude<SyncKind, 'mail'>, MessageKey> = {
  calendar: 'setAside.headingCalendar',
  contacts: 'setAside.headingContacts',
};

type Load = { status: 'loading' } | { status: 'ready'; items: SetAsideItem[] } | { status: 'error'; error: unknown };

/**
 * The items one sync set aside after failing on them a few times (Settings > Marketplace > Microsoft, next to that
 * sync's log), each with why, and a retry. Shown only while there are any; read again after every sync run.
 */
export function SetAsideSection({
  api,
  kind,
  lastRunAt,
}: {
  api: Api;
  kind: Exclude<SyncKind, 'mail'>;
  lastRunAt: string | null;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [busy, setBusy] = useState<number | 'all'>();
  const [retried, setRetried] = useState(false);
  const [actionError, setActionError] = useState<unknown>();

  const refresh = useCallback(async () => {
    try {
      const { items } = await api.listSetAside(kind);
      setLoad({ status: 'ready', items });
    } catch (error) {
      setLoad({ status: 'error', error });
    }
  }, [api, kind]);

  useEffect(() => {
    void refresh();
  }, [refresh, lastRunAt]);

  const retry = async (id?: number) => {
    setBusy(id ?? 'all');
    setActionError(undefined);
    try {
      await api.retrySetAside(kind, id);
      setRetried(true);
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(undefined);
      await refresh();
    }
  };

  const items = load.status === 'ready' ? load.items : [];
  if (load.status === 'loading' || (items.length === 0 && !retried && actionError === undefined)) return null;

  return (
    <Section label={t(headings[kind])}>
      <Subtitle2 as="h2" className={styles.heading}>
        {t(headings[kind])}
      </Subtitle2>
      {load.status === 'error' && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{userMessageOf(load.error, t('error.generic'))}</MessageBarBody>
        </MessageBar>
      )}
      {actionError !== undefined && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{userMessageOf(actionError, t('error.generic'))}</MessageBarBody>
        </MessageBar>
      )}
      {retried && (
        <MessageBar intent="info" role="status" layout="multiline">
          <MessageBarBody>{t('setAside.retried')}</MessageBarBody>
        </MessageBar>
      )}
      {items.length > 0 && (
        <>
          <Body1 as="p" className={styles.muted}>
            {t('setAside.intro')}
          </Body1>
          <ul className={styles.list} aria-label={t(headings[kind])}>
            {items.map((item) => (
              <li key={item.id} className={styles.item}>
                <div className={styles.text}>
                  <Body1Strong className={styles.wrap}>{item.subject ?? t('setAside.noName')}</Body1Strong>
                  <Caption1 className={styles.muted}>
                    {t(`syncDirection.${item.direction}`)} ·{' '}
                    {t('setAside.since', { date: formatInstant(item.since, language), attempts: item.attempts })}
                  </Caption1>
                  <Caption1 className={styles.wrap}>{item.reason}</Caption1>
                </div>
                <Button
                  size="small"
                  icon={busy === item.id ? <ButtonSpinner /> : <ArrowClockwise20Regular />}
                  disabled={busy !== undefined}
                  onClick={() => void retry(item.id)}
                  aria-label={`${t('setAside.retry')}: ${item.subject ?? t('setAside.noName')}`}
                >
                  {t('setAside.retry')}
                </Button>
              </li>
            ))}
          </ul>
          {items.length > 1 && (
            <div className={styles.actions}>
              <Button
                icon={busy === 'all' ? <ButtonSpinner /> : <ArrowClockwise20Regular />}
                disabled={busy !== undefined}
                onClick={() => void retry()}
              >
                {t('setAside.retryAll')}
              </Button>
            </div>
          )}
        </>
      )}
    </Section>
  );
}
