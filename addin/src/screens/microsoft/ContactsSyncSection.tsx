import { Badge, Body1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { PeopleSync20Regular } from '@fluentui/react-icons';
import { useI18n } from '../../i18n/I18nContext';
import { Section } from '../../ui/Page';

const useStyles = makeStyles({
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  heading: { margin: 0, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  headingIcon: { display: 'flex', color: tokens.colorNeutralForeground3 },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** Section Contacts: its place on the page, until contact sync (its Enable and Configuration popup) arrives. */
export function ContactsSyncSection({ brand }: { brand: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Section label={t('contactsSync.heading')}>
      <div className={styles.header}>
        <Subtitle2 as="h2" className={styles.heading}>
          <span className={styles.headingIcon} aria-hidden="true">
            <PeopleSync20Regular />
          </span>
          {t('contactsSync.heading')}
        </Subtitle2>
        <Badge appearance="outline" shape="rounded" color="informative">
          {t('contactsSync.comingSoon')}
        </Badge>
      </div>
      <Body1 as="p" className={styles.muted}>
        {t('contactsSync.body', { brand })}
      </Body1>
    </Section>
  );
}
