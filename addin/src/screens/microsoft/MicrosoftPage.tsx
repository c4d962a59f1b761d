import { Body1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Api } from '../../api/client';
import type { Profile } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { seesFailingSyncs } from '../../sync/model';
import { Section } from '../../ui/Page';
import { CalendarSyncSection } from './CalendarSyncSection';
import { ContactsSyncSection } from './ContactsSyncSection';
import { FailingSyncsSection } from './FailingSyncsSection';
import { SyncLogTable } from './SyncLogTable';
import { useCalendarSync } from './useCalendarSync';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  heading: { margin: 0 },
  tableScroll: { overflowX: 'auto' },
});

/**
 * Settings > Setup > Marketplace > Microsoft: section Calendar (sync and its log), section Contacts, and for
 * administrators the users whose sync is failing. Also the add-in's own settings in Outlook and Teams.
 */
export function MicrosoftPage({ brand, api, profile }: { brand: string; api: Api; profile: Profile | string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const sync = useCalendarSync(api, 'page');
  const log = sync.data?.log ?? [];

  return (
    <>
      <Body1 as="p" className={styles.muted}>
        {t('microsoft.intro', { brand })}
      </Body1>
      <CalendarSyncSection brand={brand} sync={sync} />
      {sync.data !== undefined && (
        <Section label={t('syncLog.heading')}>
          <Subtitle2 as="h2" className={styles.heading}>
            {t('syncLog.heading')}
          </Subtitle2>
          {log.length === 0 ? (
            <Body1 as="p" className={styles.muted}>
              {t('syncLog.empty')}
            </Body1>
          ) : (
            <>
              <Body1 as="p" className={styles.muted}>
                {t('syncLog.intro')}
              </Body1>
              <div className={styles.tableScroll}>
                <SyncLogTable entries={log} label={t('syncLog.heading')} />
              </div>
            </>
          )}
        </Section>
      )}
      <ContactsSyncSection brand={brand} />
      {seesFailingSyncs(profile) && <FailingSyncsSection api={api} />}
    </>
  );
}
