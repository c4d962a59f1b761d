import {
  Badge,
  Button,
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
import { Edit20Regular } from '@fluentui/react-icons';
import type { CrmUser } from '../../api/types';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nContext';
import { Email } from '../../ui/Email';
import { ProfileBadge } from '../../ui/ProfileBadge';

const NARROW = '@media (max-width: 599px)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', width: '100%' },
  // In a task pane the e-mail moves under the name and the status under the profile, leaving two columns.
  wideOnly: { [NARROW]: { display: 'none' } },
  emailUnderName: {
    display: 'none',
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
    [NARROW]: { display: 'block' },
  },
  statusUnderProfile: { display: 'none', [NARROW]: { display: 'block', marginTop: tokens.spacingVerticalXXS } },
  name: { overflowWrap: 'break-word', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  // Badges never clip: this column takes what its widest badge needs, the name column the rest.
  badges: {
    width: '1%',
    whiteSpace: 'nowrap',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  email: { overflowWrap: 'anywhere' },
  you: { color: tokens.colorNeutralForeground3 },
  // The actions column's header is for screen readers only: the row's button says what it does.
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

const statusKeys: Record<string, MessageKey> = { active: 'userStatus.active', inactive: 'userStatus.inactive' };

const roleKeys: Record<string, MessageKey> = { ceo: 'role.ceo', manager: 'role.manager' };

/** The CRM users: name, e-mail, profile, role and status, each with Edit (profile, role, deactivate). */
export function UsersTable({
  users,
  currentUserId,
  onEdit,
}: {
  users: CrmUser[];
  currentUserId: string;
  onEdit: (user: CrmUser) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Table aria-label={t('users.tableLabel')} className={styles.table} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('users.colName')}</TableHeaderCell>
          <TableHeaderCell className={styles.wideOnly}>{t('users.colEmail')}</TableHeaderCell>
          <TableHeaderCell className={styles.badges}>{t('users.colProfile')}</TableHeaderCell>
          <TableHeaderCell className={styles.wideOnly}>{t('editUser.role')}</TableHeaderCell>
          <TableHeaderCell className={mergeClasses(styles.wideOnly, styles.badges)}>
            {t('users.colStatus')}
          </TableHeaderCell>
          <TableHeaderCell className={styles.badges}>
            <span className={styles.hidden}>{t('editUser.actions')}</span>
          </TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {users.map((user) => {
          const statusKey = statusKeys[user.status];
          const status = (
            <Badge appearance="outline" shape="rounded" color={user.status === 'active' ? 'success' : 'informative'}>
              {statusKey ? t(statusKey) : user.status}
            </Badge>
          );
          return (
            <TableRow key={user.id}>
              <TableCell className={styles.name}>
                {user.name}
                {user.id === currentUserId && <span className={styles.you}> ({t('users.you')})</span>}
                <Caption1 className={styles.emailUnderName}>
                  <Email address={user.email} />
                </Caption1>
              </TableCell>
              <TableCell className={mergeClasses(styles.wideOnly, styles.email)}>{user.email}</TableCell>
              <TableCell className={styles.badges}>
                <ProfileBadge profile={user.profile} appearance="tint" />
                <span className={styles.statusUnderProfile}>{status}</span>
              </TableCell>
              <TableCell className={styles.wideOnly}>
                {roleKeys[user.role] ? t(roleKeys[user.role]!) : user.role}
              </TableCell>
              <TableCell className={mergeClasses(styles.wideOnly, styles.badges)}>{status}</TableCell>
              <TableCell className={styles.badges}>
                <Button
                  appearance="subtle"
                  icon={<Edit20Regular />}
                  aria-label={t('editUser.open', { name: user.name })}
                  title={t('editUser.open', { name: user.name })}
                  onClick={() => onEdit(user)}
                />
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
