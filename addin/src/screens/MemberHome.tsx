import {
  Avatar,
  Badge,
  Body1,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import {
  CalendarLtr20Regular,
  ContactCard20Regular,
  Home20Regular,
  Mail20Regular,
  Settings20Regular,
} from '@fluentui/react-icons';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { Api } from '../api/client';
import type { Me } from '../api/types';
import {
  onItemChanged,
  readComposeMessage,
  readCurrentMessage,
  type ComposeMessage,
  type CurrentMessage,
} from '../host/outlookItem';
import type { HostKind } from '../host/types';
import { useI18n } from '../i18n/I18nContext';
import { Page, Section } from '../ui/Page';
import { ProfileBadge } from '../ui/ProfileBadge';
import { SyncCard } from './SyncCard';
import { useScreenRoute } from './useScreenRoute';

// Loaded on first visit: none is needed for the first screen, and they keep the entry chunk small.
const EventsPage = lazy(() => import('./events/EventsPage').then((m) => ({ default: m.EventsPage })));
const ThisEmailView = lazy(() => import('./mail/ThisEmailView').then((m) => ({ default: m.ThisEmailView })));
const FileOnSendSection = lazy(() =>
  import('./mail/FileOnSendSection').then((m) => ({ default: m.FileOnSendSection })),
);
const SettingsPage = lazy(() => import('./SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ContactsPage = lazy(() => import('./contacts/ContactsPage').then((m) => ({ default: m.ContactsPage })));

type Member = Extract<Me, { state: 'member' }>;
const TABS = ['mail', 'home', 'events', 'contacts', 'settings'] as const;

/** The Outlook reading pane's message: absent outside Outlook read mode, then followed as the selection changes. */
type MailState =
  { shown: false } | { shown: true; message: CurrentMessage | undefined; compose?: ComposeMessage; key: number };

const useStyles = makeStyles({
  nav: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalS})` },
  // Five tabs (with This e-mail in Outlook) do not fit a 320–400 px pane on one line: they wrap.
  tabList: { flexWrap: 'wrap' },
  // Three tabs with icons overflow a 320–400 px pane in German ("Einstellungen"); the words alone fit.
  tabIcon: { '@media (max-width: 419px)': { display: 'none' } },
  // …and at 320 px they need a little less padding too.
  tab: {
    '@media (max-width: 359px)': {
      paddingLeft: tokens.spacingHorizontalSNudge,
      paddingRight: tokens.spacingHorizontalSNudge,
    },
  },
  person: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minWidth: 0 },
  personText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { margin: 0, overflowWrap: 'anywhere' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(96px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '& dt': { color: tokens.colorNeutralForeground3 },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
    // In a narrow task pane each label sits above its value instead of squeezing the value.
    '@media (max-width: 479px)': {
      gridTemplateColumns: '1fr',
      rowGap: 0,
      '& dt': { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
      '& dd': { marginBottom: tokens.spacingVerticalS },
      '& dd:last-child': { marginBottom: 0 },
    },
  },
  muted: { color: tokens.colorNeutralForeground2 },
  headerOrg: {
    color: tokens.colorNeutralForeground2,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    maxWidth: '40vw',
  },
});

/** A CRM user's start: who they are, where they are, and the way to Settings. */
export function MemberHome({
  brand,
  me,
  api,
  reviewRequestId,
  onReviewClosed,
  notice,
  hostKind = 'browser',
}: {
  brand: string;
  me: Member;
  api: Api;
  /** From an approval link: start at Settings > Users with Add New User for this request. */
  reviewRequestId?: string;
  onReviewClosed?: () => void;
  /** A one-off note on arrival (e.g. an invitation link that was not needed). */
  notice?: string;
  /** In Outlook, a message in read mode opens on This e-mail. */
  hostKind?: HostKind;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const {
    screen: view,
    fromAddress,
    navigate: setView,
  } = useScreenRoute(reviewRequestId !== undefined ? 'settings/users' : 'home');
  const tab = view === 'mail' || view === 'home' || view === 'events' || view === 'contacts' ? view : 'settings';
  const [mail, setMail] = useState<MailState>({ shown: false });
  // A screen named by the address (a reload) or by an approval link is where the person wants to be.
  const navigated = useRef(reviewRequestId !== undefined || fromAddress);

  useEffect(() => {
    if (hostKind !== 'outlook') return;
    let active = true;
    let generation = 0;
    const read = () => {
      const mine = ++generation;
      void readCurrentMessage().then((message) => {
        if (!active || mine !== generation) return;
        // A message being written offers File when sent.
        const compose = message ? undefined : readComposeMessage();
        // The view appears for a message in read or compose mode; once there, a pinned pane keeps it and follows the selection.
        setMail((current) =>
          current.shown || message || compose
            ? { shown: true, message, ...(compose ? { compose } : {}), key: generation }
            : current,
        );
        if ((message || compose) && !navigated.current) {
          navigated.current = true;
          setView('mail', { replace: true });
        }
      });
    };
    read();
    const stop = onItemChanged(read);
    return () => {
      active = false;
      stop();
    };
  }, [hostKind, setView]);

  const selectTab = (value: unknown) => {
    navigated.current = true;
    const next = TABS.find((candidate) => candidate === value) ?? 'home';
    setView(next);
  };

  return (
    <Page brand={brand} wide headerEnd={<Caption1 className={styles.headerOrg}>{me.organisation.name}</Caption1>}>
      <nav aria-label={t('home.nav')} className={styles.nav}>
        <TabList className={styles.tabList} selectedValue={tab} onTabSelect={(_event, data) => selectTab(data.value)}>
          {mail.shown && (
            <Tab className={styles.tab} value="mail" icon={{ children: <Mail20Regular />, className: styles.tabIcon }}>
              {t('home.tabMail')}
            </Tab>
          )}
          <Tab className={styles.tab} value="home" icon={{ children: <Home20Regular />, className: styles.tabIcon }}>
            {t('home.tabHome')}
          </Tab>
          <Tab
            className={styles.tab}
            value="events"
            icon={{ children: <CalendarLtr20Regular />, className: styles.tabIcon }}
          >
            {t('home.tabEvents')}
          </Tab>
          <Tab
            className={styles.tab}
            value="contacts"
            icon={{ children: <ContactCard20Regular />, className: styles.tabIcon }}
          >
            {t('home.tabContacts')}
          </Tab>
          <Tab
            className={styles.tab}
            value="settings"
            icon={{ children: <Settings20Regular />, className: styles.tabIcon }}
          >
            {t('home.tabSettings')}
          </Tab>
        </TabList>
      </nav>

      {notice !== undefined && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      {view === 'mail' && mail.shown ? (
        <Suspense fallback={<Spinner size="small" label={t('app.loading')} />}>
          {mail.compose ? (
            <FileOnSendSection key={mail.key} brand={brand} api={api} message={mail.compose} />
          ) : (
            <ThisEmailView
              key={mail.key}
              brand={brand}
              api={api}
              message={mail.message}
              myEmail={me.user.email}
              myUserId={me.user.id}
            />
          )}
        </Suspense>
      ) : view === 'home' || view === 'mail' ? (
        <>
          <Section>
            <div className={styles.person}>
              <Avatar name={me.user.name} size={48} color="colorful" />
              <div className={styles.personText}>
                <Subtitle1 as="h1" className={styles.name}>
                  {t('home.welcome', { name: me.user.name })}
                </Subtitle1>
                <div className={styles.badges}>
                  <ProfileBadge profile={me.user.profile} />
                </div>
              </div>
            </div>
            <Body1 className={styles.muted}>{t('home.intro', { organisation: me.organisation.name })}</Body1>
          </Section>
          <Section>
            <dl className={styles.facts}>
              <dt>{t('home.organisation')}</dt>
              <dd>{me.organisation.name}</dd>
              <dt>{t('home.edition')}</dt>
              <dd>
                <Badge appearance="tint" color="informative" shape="rounded">
                  {t(`edition.${me.organisation.edition}`)}
                </Badge>
              </dd>
              <dt>{t('home.profile')}</dt>
              <dd>{t(`profile.${me.user.profile}`)}</dd>
              <dt>{t('home.email')}</dt>
              <dd>{me.user.email}</dd>
            </dl>
          </Section>
          <SyncCard
            kind="calendar"
            brand={brand}
            api={api}
            onOpenSettings={() => setView('settings/microsoft')}
            onOpenItems={() => setView('events')}
          />
          <SyncCard
            kind="contacts"
            brand={brand}
            api={api}
            onOpenSettings={() => setView('settings/microsoft')}
            onOpenItems={() => setView('contacts')}
          />
        </>
      ) : view === 'events' ? (
        <Suspense fallback={<Spinner size="small" label={t('events.loading')} />}>
          <EventsPage brand={brand} api={api} />
        </Suspense>
      ) : view === 'contacts' ? (
        <Suspense fallback={<Spinner size="small" label={t('contacts.loading')} />}>
          <ContactsPage brand={brand} api={api} />
        </Suspense>
      ) : (
        <Suspense fallback={<Spinner size="small" label={t('app.loading')} />}>
          <SettingsPage
            brand={brand}
            view={view}
            onNavigate={setView}
            api={api}
            currentUserId={me.user.id}
            profile={me.user.profile}
            reviewRequestId={reviewRequestId}
            onReviewClosed={onReviewClosed}
          />
        </Suspense>
      )}
    </Page>
  );
}
