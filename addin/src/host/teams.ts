import { themeFromTeams } from './theme';
import { raceTimeout, TIMED_OUT } from './timeout';
import type { Host } from './types';

// Inside Teams, initialize() answers within a second or two. Outside a Teams host it stays pending for 60 s
// (inside a foreign iframe) or rejects at once (top-level page), so it is never awaited without this bound.
const TEAMS_INIT_TIMEOUT_MS = 4_000;

/**
 * The Teams personal tab, or undefined when teams-js could not reach a Teams host in time.
 * Must finish before MSAL is created: initialize() installs the nested-app-auth bridge MSAL looks for.
 */
export async function teamsHost(): Promise<Host | undefined> {
  const { app } = await import('@microsoft/teams-js');
  const initialized = await raceTimeout(app.initialize(), TEAMS_INIT_TIMEOUT_MS);
  if (initialized === TIMED_OUT) return undefined;

  const context = await raceTimeout(app.getContext(), TEAMS_INIT_TIMEOUT_MS);
  // Harmless when the manifest does not ask for a loading indicator; required when it does.
  app.notifySuccess().catch(() => undefined);

  const listeners = new Set<(theme: ReturnType<typeof themeFromTeams>) => void>();
  // teams-js keeps a single theme handler; it fans out to our listeners.
  app.registerOnThemeChangeHandler((theme) => {
    const mapped = themeFromTeams(theme);
    for (const listener of listeners) listener(mapped);
  });

  return {
    kind: 'teams',
    locale: context === TIMED_OUT ? undefined : context.app.locale,
    theme: themeFromTeams(context === TIMED_OUT ? undefined : context.app.theme),
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
