import { Body1, Button, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import { PersonAdd20Regular } from '@fluentui/react-icons';
import { useId } from 'react';
import type { AccessRequest } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import { Section } from '../../ui/Page';
import { formatDate, pendingRequests } from '../../users/model';

const useStyles = makeStyles({
  heading: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} 0`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0, flex: '1 1 200px' },
  text: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  empty: { color: tokens.colorNeutralForeground2 },
});

/** Open access requests (case 2), each with Review, which opens Add New User. */
export function AccessRequestsSection({
  requests,
  onReview,
}: {
  requests: AccessRequest[];
  onReview: (requestId: string) => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const headingId = useId();
  const open = pendingRequests(requests);
  return (
    <Section>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t('users.requestsHeading')} ({open.length})
      </Subtitle2>
      {open.length === 0 ? (
        <Body1 className={styles.empty}>{t('users.requestsEmpty')}</Body1>
      ) : (
        <ul className={styles.list} aria-labelledby={headingId}>
          {open.map((request) => (
            <li key={request.id} className={styles.row}>
              <div className={styles.who}>
                <Body1 className={styles.text}>
                  <strong>{request.name}</strong>
                </Body1>
                <Caption1 className={styles.muted}>
                  {request.email} · {t('common.requestedOn', { date: formatDate(request.createdAt, language) })}
                </Caption1>
              </div>
              <Button
                icon={<PersonAdd20Regular />}
                aria-label={t('users.reviewLabel', { name: request.name })}
                onClick={() => onReview(request.id)}
              >
                {t('users.review')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
