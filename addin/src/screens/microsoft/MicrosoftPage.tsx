import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { Api } from '../../api/client';
import { useI18n } from '../../i18n/I18nContext';
import { seesFailingSyncs } from '../../sync/model';
import { ContactsSyncSection } from './ContactsSyncSection';
import { FailingSyncsSection } from './FailingSyncsSection';
import { SetAsideSection } from './SetAsideSection';
import { SyncLogSection } from './SyncLogSection';
import { SyncSection } from './SyncSection';
import { useSync } from './useSync';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/**
 * Settings > Setup > Marketplace > Microsoft: section Calendar (sync and its log), section Contacts (sync, its
 * Configuration and its log), section automatic e-mail filing (its switch and log), and for administrators the users whose sync is failing. Also the add-in's own
 * settings in Outlook and Teams.
 */
export function MicrosoftPage({ brand, api, profile }: { brand: string; api: Api; profile: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const calendar = useSync(api, 'calendar');
  const contacts = useSync(api, 'contacts');
  const mail = useSync(api, 'mail');

  return (
    <>
      <Body1 as="p" className={styles.muted}>
        {t('microsoft.intro', { brand })}
      </Body1>
      <SyncSection brand={brand} sync={calendar} />
      {calendar.data !== undefined && <SyncLogSection heading={t('syncLog.heading')} log={calendar.data.log} />}
      {calendar.data?.enabled && <SetAsideSection api={api} kind="calendar" lastRunAt={calendar.data.lastRunAt} />}
      <ContactsSyncSection brand={brand} api={api} sync={contacts} />
      {contacts.data !== undefined && <SyncLogSection heading={t('contactsSync.logHeading')} log={contacts.data.log} />}
      {contacts.data?.enabled && <SetAsideSection api={api} kind="contacts" lastRunAt={contacts.data.lastRunAt} />}
      <SyncSection brand={brand} sync={mail} />
      {mail.data !== undefined && <SyncLogSection heading={t('mailFiling.logHeading')} log={mail.data.log} />}
      {seesFailingSyncs(profile) && <FailingSyncsSection api={api} />}
    </>
  );
}
