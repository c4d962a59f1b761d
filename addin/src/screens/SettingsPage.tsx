import {
  Breadcrumb,
  BreadcrumbButton,
  BreadcrumbDivider,
  BreadcrumbItem,
  Button,
  Caption1,
  makeStyles,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ChevronRight20Regular, CloudSync24Regular, People24Regular } from '@fluentui/react-icons';
import { Fragment, lazy, Suspense, useId, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/en';
import { useI18n } from '../i18n/I18nContext';
import type { Api } from '../api/client';
import type { Profile } from '../api/types';

// Loaded on first visit: not needed for the first screen, and they keep the entry chunk small.
const UsersPage = lazy(() => import('./users/UsersPage').then((m) => ({ default: m.UsersPage })));
const MicrosoftPage = lazy(() => import('./microsoft/MicrosoftPage').then((m) => ({ default: m.MicrosoftPage })));

export type SettingsView = 'settings' | 'settings/users' | 'settings/microsoft';

interface Entry {
  view: Exclude<SettingsView, 'settings'>;
  /** Settings > Setup > … > this page, as the CRM's own menu names it. */
  path: MessageKey[];
  body: MessageKey;
  icon: ReactNode;
}

const entries: Entry[] = [
  {
    view: 'settings/users',
    path: ['settings.setup', 'settings.usersAndControl', 'settings.users'],
    body: 'settings.usersBody',
    icon: <People24Regular />,
  },
  {
    view: 'settings/microsoft',
    path: ['settings.setup', 'settings.marketplace', 'settings.microsoft'],
    body: 'settings.microsoftBody',
    icon: <CloudSync24Regular />,
  },
];

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  entry: {
    width: '100%',
    justifyContent: 'flex-start',
    textAlign: 'start',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '64px',
    fontWeight: tokens.fontWeightRegular,
  },
  entryIcon: { color: tokens.colorBrandForeground1, display: 'flex', flexShrink: 0 },
  entryText: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0, gap: tokens.spacingVerticalXXS },
  entryTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  entryPath: { color: tokens.colorNeutralForeground3 },
  entryBody: { color: tokens.colorNeutralForeground2 },
  chevron: { color: tokens.colorNeutralForeground3, display: 'flex', flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  crumbs: {
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})`,
    // The full trail (Settings > Setup > Users & Control > Users) does not fit a 320 px pane on one line.
    '& ol': { flexWrap: 'wrap' },
  },
});

/** Settings and its two Setup pages: Users (invitations and access requests) and Microsoft (calendar and contact sync). */
export function SettingsPage({
  brand,
  view,
  onNavigate,
  api,
  currentUserId,
  profile,
  reviewRequestId,
  onReviewClosed,
}: {
  brand: string;
  view: SettingsView;
  onNavigate: (view: SettingsView) => void;
  api: Api;
  currentUserId: string;
  /** The signed-in user's profile: administrators also see whose sync is failing. */
  profile: Profile;
  /** An approval link's request: Users opens Add New User for it. */
  reviewRequestId?: string;
  onReviewClosed?: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const entry = entries.find((e) => e.view === view);
  const trail: MessageKey[] = ['settings.title', ...(entry?.path ?? [])];

  return (
    <>
      <Breadcrumb aria-label={t('settings.title')} className={styles.crumbs}>
        {trail.map((key, index) => {
          const last = index === trail.length - 1;
          return (
            <Fragment key={key}>
              <BreadcrumbItem>
                <BreadcrumbButton
                  current={last}
                  onClick={index === 0 && !last ? () => onNavigate('settings') : undefined}
                >
                  {t(key)}
                </BreadcrumbButton>
              </BreadcrumbItem>
              {!last && <BreadcrumbDivider />}
            </Fragment>
          );
        })}
      </Breadcrumb>

      {entry === undefined ? (
        <ul className={styles.list}>
          {entries.map((e) => (
            <EntryButton key={e.view} entry={e} brand={brand} onOpen={() => onNavigate(e.view)} />
          ))}
        </ul>
      ) : entry.view === 'settings/users' ? (
        <Suspense fallback={<Spinner size="small" label={t('users.loading')} />}>
          <UsersPage
            brand={brand}
            api={api}
            currentUserId={currentUserId}
            reviewRequestId={reviewRequestId}
            onReviewClosed={onReviewClosed}
          />
        </Suspense>
      ) : (
        <Suspense fallback={<Spinner size="small" label={t('calendarSync.loading')} />}>
          <MicrosoftPage brand={brand} api={api} profile={profile} />
        </Suspense>
      )}
    </>
  );
}

function EntryButton({ entry, brand, onOpen }: { entry: Entry; brand: string; onOpen: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  const descriptionId = useId();
  const title = t(entry.path[entry.path.length - 1]!);
  return (
    <li>
      <Button className={styles.entry} onClick={onOpen} aria-label={title} aria-describedby={descriptionId}>
        <span className={styles.entryIcon}>{entry.icon}</span>
        <span className={styles.entryText}>
          <Caption1 className={styles.entryPath}>
            {[t('settings.title'), ...entry.path.slice(0, -1).map((key) => t(key))].join(' > ')}
          </Caption1>
          <span className={styles.entryTitle}>{title}</span>
          <Caption1 id={descriptionId} className={styles.entryBody}>
            {t(entry.body, { brand })}
          </Caption1>
        </span>
        <span className={styles.chevron}>
          <ChevronRight20Regular />
        </span>
      </Button>
    </li>
  );
}
