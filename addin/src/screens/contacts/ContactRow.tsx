import { Avatar, Badge, Body1Strong, Button, Caption1, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import {
  ArrowImport16Regular,
  Delete20Regular,
  Edit20Regular,
  History20Regular,
  Mail16Regular,
  PersonMail16Regular,
} from '@fluentui/react-icons';
import type { Contact } from '../../api/types';
import { contactName, notSyncedYet } from '../../contacts/model';
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
  detail: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    overflowWrap: 'anywhere',
  },
  detailIcon: { flexShrink: 0, display: 'flex' },
  muted: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXXS },
});

/** One contact in the list: name, company and position, e-mail, where it came from; History, Edit and Delete. */
export function ContactRow({
  contact,
  onEdit,
  onDelete,
  onHistory,
}: {
  contact: Contact;
  onEdit: (contact: Contact) => void;
  onDelete: (contact: Contact) => void;
  /** Filed e-mails and meetings with the contact. */
  onHistory: (contact: Contact) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const name = contactName(contact);
  const work = [contact.title, contact.accountName].filter((part) => part.trim() !== '').join(', ');

  return (
    <li className={styles.row} aria-label={name}>
      <Avatar name={name} size={32} color="colorful" aria-hidden="true" />
      <div className={styles.main}>
        <Body1Strong className={styles.name}>{name}</Body1Strong>
        {work !== '' && <Caption1 className={styles.muted}>{work}</Caption1>}
        {contact.email !== '' && (
          <Caption1 className={styles.detail}>
            <span className={styles.detailIcon} aria-hidden="true">
              <Mail16Regular />
            </span>
            {contact.email}
          </Caption1>
        )}
        {(notSyncedYet(contact) || contact.origin === 'microsoft365') && (
          <div className={styles.badges}>
            {notSyncedYet(contact) && (
              <Badge
                className={styles.badge}
                appearance="tint"
                color="warning"
                shape="rounded"
                icon={<ArrowImport16Regular />}
              >
                {t(contact.origin === 'migration' ? 'contacts.badgeMigrated' : 'contacts.badgeImported')}
              </Badge>
            )}
            {contact.origin === 'microsoft365' && (
              <Badge
                className={styles.badge}
                appearance="tint"
                color="brand"
                shape="rounded"
                icon={<PersonMail16Regular />}
              >
                {t('contacts.badgeOutlook')}
              </Badge>
            )}
          </div>
        )}
      </div>
      <div className={styles.actions}>
        <Tooltip content={t('contacts.historyLabel', { name })} relationship="label">
          <Button appearance="subtle" icon={<History20Regular />} onClick={() => onHistory(contact)} />
        </Tooltip>
        <Tooltip content={t('contacts.editLabel', { name })} relationship="label">
          <Button appearance="subtle" icon={<Edit20Regular />} onClick={() => onEdit(contact)} />
        </Tooltip>
        <Tooltip content={t('contacts.deleteLabel', { name })} relationship="label">
          <Button appearance="subtle" icon={<Delete20Regular />} onClick={() => onDelete(contact)} />
        </Tooltip>
      </div>
    </li>
  );
}
