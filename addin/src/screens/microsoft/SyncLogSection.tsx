import { Body1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { SyncLogEntry } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { Section } from '../../ui/Page';
import { SyncLogTable } from './SyncLogTable';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  heading: { margin: 0 },
  tableScroll: { overflowX: 'auto' },
});

/** One sync's log under its own heading (the calendar's "Sync log", the contacts' "Contact sync log"). */
export function SyncLogSection({ heading, log }: { heading: string; log: SyncLogEntry[] }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Section label={heading}>
      <Subtitle2 as="h2" className={styles.heading}>
        {heading}
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
            <SyncLogTable entries={log} label={heading} />
          </div>
        </>
      )}
    </Section>
  );
}
