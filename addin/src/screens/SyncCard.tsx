import { Body1, Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { CalendarSync20Regular, ChevronRight20Regular, PeopleSync20Regular } from '@fluentui/react-icons';
import type { SyncKind } from '../api/types';
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

/** Home's way to one sync (calendar or contacts): its state in a sentence and one click to Settings > … > Microsoft. */
export function SyncCard({
  kind,
  brand,
  api,
  onOpenSettings,
  onOpenItems,
}: {
  kind: Exclude<SyncKind, 'mail'>;
  brand: string;
  api: Api;
  onOpenSettings: () => void;
  onOpenItems: () => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const { data } = useSync(api, kind);
  const state = data ? syncState(data) : undefined;
  const containerName = data ? containerNameOf(data, brand) : brand;

  let text = '';
  if (data && state) {
    if (state === 'off') text = t(`homeSync.${kind}.off`, { brand });
    else if (state === 'failed' || state === 'reconnect') text = t('homeSync.problem');
    else if (state === 'firstSync' && data.progress && data.progress.total > 0)
      text = t(`homeSync.${kind}.firstSync`, {
        done: formatCount(data.progress.done, language),
        total: formatCount(data.progress.total, language),
      });
    else text = t(`homeSync.${kind}.on`, { containerName, count: formatCount(data.linkedCount, language) });
  }

  return (
    <Section label={t(`homeSync.${kind}.heading`)}>
      <div className={styles.header}>
        <Subtitle2 as="h2" className={styles.heading}>
          <span className={styles.headingIcon} aria-hidden="true">
            {kind === 'calendar' ? <CalendarSync20Regular /> : <PeopleSync20Regular />}
          </span>
          {t(`homeSync.${kind}.heading`)}
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
          {t(`homeSync.${kind}.open`)}
        </Button>
        <Button appearance="subtle" onClick={onOpenItems}>
          {t(`homeSync.${kind}.items`)}
        </Button>
      </div>
    </Section>
  );
}
