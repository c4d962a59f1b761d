import { FluentProvider } from '@fluentui/react-components';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { Me } from './api/types';
import type { MemberHome as MemberHomeScreen } from './screens/MemberHome';
import { paneLanguage } from './host/language';
import type { Host } from './host/types';
import { I18nProvider, useI18n } from './i18n/I18nContext';
import { captureDeepLink, forgetDeepLink, type DeepLink } from './links/deepLink';
import { ErrorScreen } from './screens/ErrorScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { SignInScreen } from './screens/SignInScreen';
import type { RequestDelivery } from './session/useRequestAccess';
import { useSession, type Session, type SessionActions } from './session/useSession';
import { fluentThemes, isDarkTheme } from './ui/themes';
import { useLastingFocusManager } from './ui/useLastingFocusManager';

// Screens a person passes once (installing, joining, asking for access) load when reached, so a member's pane
// downloads only what the home screen needs.
const DeactivatedScreen = lazy(() =>
  import('./screens/DeactivatedScreen').then((m) => ({ default: m.DeactivatedScreen })),
);
const FirstVisitScreen = lazy(() =>
  import('./screens/FirstVisitScreen').then((m) => ({ default: m.FirstVisitScreen })),
);
const InvitedScreen = lazy(() => import('./screens/InvitedScreen').then((m) => ({ default: m.InvitedScreen })));
// The member's home is fetched beside the session check (see App), so the loading and sign-in screens draw without it.
// Once it has arrived it is rendered directly, not through lazy(): a screen that turns into the home with a dialog
// open (Link my account) must not pass through a Suspense fallback, or Fluent may leave that dialog's aria-hidden
// on the page.
let loadedMemberHome: typeof MemberHomeScreen | undefined;
const loadMemberHome = () =>
  import('./screens/MemberHome').then((m) => {
    loadedMemberHome = m.MemberHome;
    return { default: m.MemberHome };
  });
const LazyMemberHome = lazy(loadMemberHome);
const NoAccessScreen = lazy(() => import('./screens/NoAccessScreen').then((m) => ({ default: m.NoAccessScreen })));
const NotInstalledScreen = lazy(() =>
  import('./screens/NotInstalledScreen').then((m) => ({ default: m.NotInstalledScreen })),
);
const RequestDeclinedScreen = lazy(() =>
  import('./screens/RequestDeclinedScreen').then((m) => ({ default: m.RequestDeclinedScreen })),
);
const RequestPendingScreen = lazy(() =>
  import('./screens/RequestPendingScreen').then((m) => ({ default: m.RequestPendingScreen })),
);

/** The app once the host is known: theme and language from the host, then one screen per session state. */
export function App({ host }: { host: Host }) {
  const [theme, setTheme] = useState(host.theme);
  const [language] = useState(() => paneLanguage(host.locale));
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.style.colorScheme = isDarkTheme(theme) ? 'dark' : 'light';
  }, [language, theme]);

  useEffect(() => {
    void loadMemberHome();
  }, []);
  const [session, actions] = useSession(language);
  // Read before sign-in and kept until acted on, so a sign-in (or a reload) does not lose the e-mail's link.
  const [deepLink, setDeepLink] = useState(() => captureDeepLink());
  const linkDone = useCallback(() => {
    forgetDeepLink();
    setDeepLink(undefined);
  }, []);

  return (
    <FluentProvider theme={fluentThemes[theme]} data-host={host.kind} data-theme={theme}>
      <I18nProvider language={language}>
        <Suspense fallback={<LoadingScreen />}>
          <Screen session={session} actions={actions} deepLink={deepLink} onLinkDone={linkDone} hostKind={host.kind} />
        </Suspense>
      </I18nProvider>
    </FluentProvider>
  );
}

function Screen({
  session,
  actions,
  deepLink,
  onLinkDone,
  hostKind,
}: {
  hostKind: Host['kind'];
  session: Session;
  actions: SessionActions;
  deepLink: DeepLink | undefined;
  /** The link has been acted on: forget it everywhere (state, storage, address bar). */
  onLinkDone: () => void;
}) {
  const { t } = useI18n();
  useLastingFocusManager();
  const poll = useCallback(() => actions.api().getMe(), [actions]);
  const createOrganisation = useCallback(() => actions.api().createOrganisation(), [actions]);
  const linkAccount = useCallback(
    (email: string, password: string) => actions.api().linkAccount(email, password),
    [actions],
  );
  const acceptInvitation = useCallback((token?: string) => actions.api().acceptInvitation(token), [actions]);
  const checkInvitation = useCallback((token: string) => actions.api().checkInvitation(token), [actions]);
  const requestAccess = useCallback(() => actions.api().requestAccess(), [actions]);
  const [delivery, setDelivery] = useState<RequestDelivery>();
  const [notice, setNotice] = useState<string>();
  // An approval link's request, handed to Users once the link itself is forgotten.
  const [approval, setApproval] = useState<string>();
  const setMe = useCallback((me: Me) => actions.setMe(me), [actions]);
  const onRequested = useCallback(
    (me: Me, result: RequestDelivery) => {
      setDelivery(result);
      actions.setMe(me);
    },
    [actions],
  );

  const me = session.phase === 'ready' ? session.me : undefined;
  const brand = session.phase === 'ready' ? session.brand : '';

  // Acting on a link once the account state is known. An approval link opens Users for a member (who is told there
  // if they lack Manage Users) and means nothing to anyone else; an invitation for a member is not needed.
  // Invitations for everyone else are acted on by the invited screen (accept), which forgets the link itself.
  useEffect(() => {
    if (me === undefined || deepLink === undefined) return;
    if (deepLink.kind === 'accessRequest') {
      if (me.state === 'member') setApproval(deepLink.requestId);
      onLinkDone();
    } else if (me.state === 'member') {
      setNotice(t('invited.alreadyMember', { brand, organisation: me.organisation.name }));
      onLinkDone();
    }
  }, [me, deepLink, onLinkDone, t, brand]);

  switch (session.phase) {
    case 'loading':
      return <LoadingScreen brand={session.brand} />;
    case 'signin':
      return (
        <SignInScreen brand={session.brand} busy={session.busy} problem={session.problem} onSignIn={actions.signIn} />
      );
    case 'error':
      return <ErrorScreen brand={session.brand} error={session.error} onRetry={actions.retry} />;
    case 'ready': {
      const { me } = session;
      if (me.state !== 'member' && (me.state === 'invited' || deepLink?.kind === 'invitation')) {
        const token = deepLink?.kind === 'invitation' ? deepLink.token : undefined;
        return (
          <InvitedScreen
            key={token ?? 'by-address'}
            brand={brand}
            me={me}
            token={token}
            acceptInvitation={acceptInvitation}
            checkInvitation={checkInvitation}
            linkAccount={linkAccount}
            onDone={setMe}
            onLinkSpent={forgetDeepLink}
            onContinueWithoutLink={() => {
              onLinkDone();
              void actions.refreshMe();
            }}
            onAlreadyMember={() => {
              onLinkDone();
              void actions.refreshMe();
            }}
          />
        );
      }
      switch (me.state) {
        case 'not_installed':
          return (
            <NotInstalledScreen brand={brand} me={me} onCheckAgain={actions.refreshMe} poll={poll} onChanged={setMe} />
          );
        case 'first_visit':
          return (
            <FirstVisitScreen
              brand={brand}
              me={me}
              createOrganisation={createOrganisation}
              linkAccount={linkAccount}
              onDone={setMe}
            />
          );
        case 'no_access':
          return (
            <NoAccessScreen
              brand={brand}
              me={me}
              onCheckAgain={actions.refreshMe}
              requestAccess={requestAccess}
              onRequested={onRequested}
            />
          );
        case 'request_pending':
          return <RequestPendingScreen brand={brand} me={me} delivery={delivery} onCheckAgain={actions.refreshMe} />;
        case 'request_declined':
          return (
            <RequestDeclinedScreen
              brand={brand}
              me={me}
              onCheckAgain={actions.refreshMe}
              requestAccess={requestAccess}
              onRequested={onRequested}
            />
          );
        case 'deactivated':
          return <DeactivatedScreen brand={brand} me={me} onCheckAgain={actions.refreshMe} />;
        case 'member': {
          const MemberHome = loadedMemberHome ?? LazyMemberHome;
          return (
            <MemberHome
              brand={brand}
              me={me}
              api={actions.api()}
              reviewRequestId={approval ?? (deepLink?.kind === 'accessRequest' ? deepLink.requestId : undefined)}
              onReviewClosed={() => setApproval(undefined)}
              notice={notice}
              hostKind={hostKind}
            />
          );
        }
        default:
          return <ErrorScreen brand={brand} error={new Error('Unknown state')} onRetry={actions.retry} />;
      }
    }
  }
}
