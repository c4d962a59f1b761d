import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircle48Regular } from '@fluentui/react-icons';
import { ApiError } from '../api/errors';
import { useI18n } from '../i18n/I18nContext';
import { Hero, Page } from '../ui/Page';

const useStyles = makeStyles({
  code: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  actions: { display: 'flex' },
});

/** Anything the app cannot turn into a state: the service's own words when it sent some, and a retry. */
export function ErrorScreen({ brand, error, onRetry }: { brand?: string; error: unknown; onRetry: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const apiError = error instanceof ApiError ? error : undefined;
  const message =
    apiError?.userMessage ?? (apiError?.code === 'network_error' ? t('error.network') : t('error.generic'));
  return (
    <Page brand={brand}>
      <Hero icon={<ErrorCircle48Regular />} title={t('error.title')} tone="danger">
        <p role="alert" style={{ margin: 0 }}>
          {message}
        </p>
      </Hero>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onRetry}>
          {t('error.retry')}
        </Button>
      </div>
      {apiError !== undefined && (
        <Caption1 className={styles.code}>
          {apiError.code}
          {apiError.status > 0 ? ` · HTTP ${apiError.status}` : ''}
        </Caption1>
      )}
    </Page>
  );
}
