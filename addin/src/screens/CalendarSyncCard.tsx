import { Body1, Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { CalendarSync20Regular, ChevronRight20Regular } from '@fluentui/react-icons';
import type { Api } from '../api/client';
import { useI18n } from '../i18n/I18nContext';
import { containerNameOf, formatCount, syncState } from '../sync/model';
import { Section } from '../ui/Page';
import { SyncStatusBadge } from './microsoft/SyncStatusBadge';
import { useSync } from './microsoft/useSync';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  headingIcon: { display: 'flex', color: tokens.colorBrandForeground1 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** Home's way to the calendar sync: its state in a sentence and one click to Settings > … > Microsoft. */
export function CalendarSyncCard({
  brand,
  api,
  onOpenSettings,
  onOpenEvents,
}: {
  brand: string;
  api: Api;
  onOpenSettings: () => void;
  onOpenEvents: () => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { data } = useSync(api, 'calendar', 'glance');
  const state = data ? syncState(data) : undefined;
  const calendarName = data ? containerNameOf(data, brand) : brand;

  let text = '';
  if (data && state) {
    if (state === 'off') text = t('homeSync.off', { brand });
    else if (state === 'failed' || state === 'reconnect') text = t('homeSync.problem');
    else if (state === 'firstSync' && data.progress && data.progress.total > 0)
      text = t('homeSync.firstSync', { done: formatCount(data.progress.done, language), total: formatCount(data.progress.total, language) });
    else text = t('homeSync.on', { calendarName, count: formatCount(data.linkedCount, language) });
  }

  return (
    <Section label={t('homeSync.heading')}>
      <div className={styles.header}>
        <Subtitle2 as="h2" className={styles.heading}>
          <span className={styles.headingIcon} aria-hidden="true">
            <CalendarSync20Regular />
          </span>
          {t('homeSync.heading')}
        </Subtitle2>
        {state && <SyncStatusBadge state={state} />}
      </div>
      {text !== '' && (
        <Body1 as="p" className={styles.muted}>
          {text}
        </Body1>
      )}
      <div className={styles.actions}>
        <Button
          appearance={state === 'off' || state === 'failed' || state === 'reconnect' ? 'primary' : 'secondary'}
          icon={<ChevronRight20Regular />}
          iconPosition="after"
          onClick={onOpenSettings}
        >
          {t('homeSync.open')}
        </Button>
        <Button appearance="subtle" onClick={onOpenEvents}>
          {t('homeSync.events')}
        </Button>
      </div>
    </Section>
  );
}
