import { makeStyles, Spinner } from '@fluentui/react-components';
import { useI18n } from '../i18n/I18nContext';
import { Page } from '../ui/Page';

const useStyles = makeStyles({
  center: { flexGrow: 1, display: 'grid', placeItems: 'center', minHeight: '240px' },
});

/** Shown while the host, the configuration, the token or /api/me are on their way. */
export function LoadingScreen({ brand }: { brand?: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <Page brand={brand}>
      <div className={styles.center}>
        <Spinner size="medium" label={t('app.loading')} labelPosition="below" />
      </div>
    </Page>
  );
}
