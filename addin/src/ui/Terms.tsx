import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { useI18n } from '../i18n/I18nContext';

const useStyles = makeStyles({
  terms: {
    maxHeight: '220px',
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    '& p': { margin: `${tokens.spacingVerticalXS} 0` },
  },
  heading: { margin: 0 },
});

/** The terms and conditions as a scrollable, focusable region under its heading (first visit and invited). */
export function Terms({ brand }: { brand: string }) {
  const styles = useStyles();
  const { t } = useI18n();
  const termsId = useId();
  return (
    <>
      <Subtitle2 as="h2" id={termsId} className={styles.heading}>
        {t('firstVisit.termsHeading')}
      </Subtitle2>
      <div className={styles.terms} role="region" aria-labelledby={termsId} tabIndex={0}>
        <p>{t('firstVisit.terms1', { brand })}</p>
        <p>{t('firstVisit.terms2', { brand })}</p>
        <p>{t('firstVisit.terms3', { brand })}</p>
        <p>{t('firstVisit.terms4', { brand })}</p>
      </div>
    </>
  );
}
