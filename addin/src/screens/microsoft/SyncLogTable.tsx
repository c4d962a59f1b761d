import {
  Caption1,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeft16Regular, ArrowRight16Regular, ArrowSync16Regular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { SyncDirection, SyncLogEntry } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { formatInstant, groupedSubjects } from '../../sync/model';

const NARROW = '@media (max-width: 599px)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', width: '100%' },
  // In a task pane direction, subject and reason move under "What", leaving two columns.
  wideOnly: { [NARROW]: { display: 'none' } },
  narrowOnly: { display: 'none', [NARROW]: { display: 'flex' } },
  cell: { paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS, verticalAlign: 'top' },
  time: {
    whiteSpace: 'nowrap',
    width: '1%',
    color: tokens.colorNeutralForeground2,
    [NARROW]: { whiteSpace: 'normal', width: '88px' },
  },
  direction: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, whiteSpace: 'nowrap' },
  stacked: { flexDirection: 'column', gap: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground2 },
  text: { overflowWrap: 'anywhere' },
  subject: { color: tokens.colorNeutralForeground1, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const directionIcons: Record<SyncDirection, ReactElement> = {
  to_microsoft: <ArrowRight16Regular />,
  from_microsoft: <ArrowLeft16Regular />,
  none: <ArrowSync16Regular />,
};

/** The sync log: when, which way, what happened, to which event and why. */
export function SyncLogTable({ entries, label }: { entries: SyncLogEntry[]; label: string }) {
  const styles = useStyles();
  const { t, language } = useI18n();
  return (
    <Table aria-label={label} className={styles.table} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.time}>{t('syncLog.colTime')}</TableHeaderCell>
          <TableHeaderCell className={styles.wideOnly}>{t('syncLog.colDirection')}</TableHeaderCell>
          <TableHeaderCell>{t('syncLog.colAction')}</TableHeaderCell>
          <TableHeaderCell className={styles.wideOnly}>{t('syncLog.colSubject')}</TableHeaderCell>
          <TableHeaderCell className={styles.wideOnly}>{t('syncLog.colReason')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry, index) => {
          const direction = (
            <span className={styles.direction}>
              <span aria-hidden="true" style={{ display: 'flex' }}>
                {directionIcons[entry.direction]}
              </span>
              {t(`syncDirection.${entry.direction}`)}
            </span>
          );
          const subject =
            entry.count && entry.count > 1
              ? groupedSubjects(entry.count, entry.subjects ?? [], language, (names, more) =>
                  t('syncLog.more', { names, more }),
                )
              : entry.subject;
          const action = (
            <span className={['error', 'conflict', 'set_aside'].includes(entry.action) ? styles.error : undefined}>
              {t(`syncAction.${entry.action}`)}
            </span>
          );
          return (
            <TableRow key={`${entry.at}-${index}`}>
              <TableCell className={mergeClasses(styles.cell, styles.time)}>
                {formatInstant(entry.at, language)}
              </TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.wideOnly)}>{direction}</TableCell>
              <TableCell className={styles.cell}>
                {action}
                <Caption1 as="span" className={mergeClasses(styles.narrowOnly, styles.stacked)}>
                  {direction}
                  {subject && <span className={styles.subject}>{subject}</span>}
                  <span className={styles.text}>{entry.reason}</span>
                </Caption1>
              </TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.wideOnly, styles.text)}>{subject ?? ''}</TableCell>
              <TableCell className={mergeClasses(styles.cell, styles.wideOnly, styles.text)}>{entry.reason}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
