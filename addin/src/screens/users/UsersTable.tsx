import {
  Badge,
  Caption1,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { CrmUser } from '../../api/types';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nContext';
import { ProfileBadge } from '../../ui/ProfileBadge';

const NARROW = '@media (max-width: 599px)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', width: '100%' },
  // In a task pane the e-mail moves under the name instead of taking a column of its own.
  emailColumn: { [NARROW]: { display: 'none' } },
  emailUnderName: { display: 'none', color: tokens.colorNeutralForeground3, [NARROW]: { display: 'block' } },
  name: { overflowWrap: 'anywhere', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  email: { overflowWrap: 'anywhere' },
  you: { color: tokens.colorNeutralForeground3 },
  nowrap: { whiteSpace: 'nowrap' },
});

const statusKeys: Record<string, MessageKey> = { active: 'userStatus.active', inactive: 'userStatus.inactive' };

/** The CRM users: name, e-mail, profile and status. */
export function UsersTable({ users, currentUserId }: { users: CrmUser[]; currentUserId: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Table aria-label={t('users.tableLabel')} className={styles.table} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('users.colName')}</TableHeaderCell>
          <TableHeaderCell className={styles.emailColumn}>{t('users.colEmail')}</TableHeaderCell>
          <TableHeaderCell>{t('users.colProfile')}</TableHeaderCell>
          <TableHeaderCell>{t('users.colStatus')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.map((user) => {
          const statusKey = statusKeys[user.status];
          return (
            <TableRow key={user.id}>
              <TableCell className={styles.name}>
                {user.name}
                {user.id === currentUserId && <span className={styles.you}> ({t('users.you')})</span>}
                <Caption1 className={styles.emailUnderName}>{user.email}</Caption1>
              </TableCell>
              <TableCell className={`${styles.emailColumn} ${styles.email}`}>{user.email}</TableCell>
              <TableCell>
                <ProfileBadge profile={user.profile} appearance="tint" />
              </TableCell>
              <TableCell className={styles.nowrap}>
                <Badge
                  appearance="outline"
                  shape="rounded"
                  color={user.status === 'active' ? 'success' : 'subtle'}
                >
                  {statusKey ? t(statusKey) : user.status}
                </Badge>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
