import {
  Badge,
  Body1,
  Body1Strong,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { FailingSync } from '../../api/types';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nContext';
import { formatInstant, type SyncState } from '../../sync/model';
import { Section } from '../../ui/Page';
import { SyncStatusBadge } from './SyncStatusBadge';

const useStyles = makeStyles({
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  line: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    overflowWrap: 'anywhere',
  },
  email: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
});

const kindKeys: Record<string, MessageKey> = {
  calendar: 'syncKind.calendar',
  contacts: 'syncKind.contacts',
  mail: 'syncKind.mail',
};

function stateOf(user: FailingSync): SyncState {
  return user.status === 'reconnect_required' ? 'reconnect' : 'failed';
}

type Load = { status: 'loading' } | { status: 'ready'; users: FailingSync[] } | { status: 'error'; error: unknown };

/** For administrators: whose sync is failing, since when and why, so nobody's sync stops unnoticed. */
export function FailingSyncsSection({ api }: { api: Api }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [load, setLoad] = useState<Load>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    api
      .listFailingSyncs()
      .then(({ users }) => current && setLoad({ status: 'ready', users }))
      .catch((error: unknown) => current && setLoad({ status: 'error', error }));
    return () => {
      current = false;
    };
  }, [api]);

  return (
    <Section label={t('failing.heading')}>
      <Subtitle2 as="h2" className={styles.heading}>
        {t('failing.heading')}
      </Subtitle2>
      <Caption1 className={styles.muted}>{t('failing.intro')}</Caption1>
      {load.status === 'loading' && <Spinner size="tiny" label={t('failing.loading')} labelPosition="after" />}
      {load.status === 'error' && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{userMessageOf(load.error, t('error.generic'))}</MessageBarBody>
        </MessageBar>
      )}
      {load.status === 'ready' && load.users.length === 0 && (
        <Body1 as="p" className={styles.muted}>
          {t('failing.none')}
        </Body1>
      )}
      {load.status === 'ready' && load.users.length > 0 && (
        <ul className={styles.list} aria-label={t('failing.heading')}>
          {load.users.map((user) => (
            <li key={`${user.email}-${user.kind}`} className={styles.item} aria-label={`${user.name}, ${user.email}`}>
              <div className={styles.line}>
                <Body1Strong>{user.name}</Body1Strong>
                <Caption1 className={styles.email}>{user.email}</Caption1>
              </div>
              <div className={styles.line}>
                <Badge appearance="outline" shape="rounded" color="informative">
                  {kindKeys[user.kind] ? t(kindKeys[user.kind]!) : user.kind}
                </Badge>
                <SyncStatusBadge state={stateOf(user)} />
                {user.failingSince && (
                  <Caption1 className={styles.muted}>
                    {t('failing.since', { date: formatInstant(user.failingSince, language) })}
                  </Caption1>
                )}
              </div>
              {user.message && <Caption1 className={styles.muted}>{user.message}</Caption1>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
