import { FluentProvider, makeStyles } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { Me } from './api/types';
import { chooseLanguage } from './host/language';
import type { Host } from './host/types';
import { I18nProvider } from './i18n/I18nContext';
import { ErrorScreen } from './screens/ErrorScreen';
import { FirstVisitScreen } from './screens/FirstVisitScreen';
import { LoadingScreen } from './screens/LoadingScreen';
import { MemberHome } from './screens/MemberHome';
import { NoAccessScreen } from './screens/NoAccessScreen';
import { NotInstalledScreen } from './screens/NotInstalledScreen';
import { SignInScreen } from './screens/SignInScreen';
import { useSession, type Session, type SessionActions } from './session/useSession';
import { fluentThemes, isDarkTheme } from './ui/themes';

const useStyles = makeStyles({ provider: { minHeight: '100vh' } });

/** The app once the host is known: theme and language from the host, then one screen per session state. */
export function App({ host }: { host: Host }) {
  const styles = useStyles();
  const [theme, setTheme] = useState(host.theme);
  const [language] = useState(() =>
    chooseLanguage(new URLSearchParams(window.location.search).get('locale'), host.locale),
  );
  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.style.colorScheme = isDarkTheme(theme) ? 'dark' : 'light';
  }, [language, theme]);

  const [session, actions] = useSession(language);

  return (
    <FluentProvider theme={fluentThemes[theme]} className={styles.provider} data-host={host.kind} data-theme={theme}>
      <I18nProvider language={language}>
        <Screen session={session} actions={actions} />
      </I18nProvider>
    </FluentProvider>
  );
}

function Screen({ session, actions }: { session: Session; actions: SessionActions }) {
  const poll = useCallback(() => actions.api().getMe(), [actions]);
  const createOrganisation = useCallback(() => actions.api().createOrganisation(), [actions]);
  const linkAccount = useCallback((email: string, password: string) => actions.api().linkAccount(email, password), [actions]);
  const setMe = useCallback((me: Me) => actions.setMe(me), [actions]);

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
      const { brand, me } = session;
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
          return <NoAccessScreen brand={brand} me={me} onCheckAgain={actions.refreshMe} />;
        case 'member':
          return <MemberHome brand={brand} me={me} />;
        default:
          return <ErrorScreen brand={brand} error={new Error('Unknown state')} onRetry={actions.retry} />;
      }
    }
  }
}
