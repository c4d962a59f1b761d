import type { AccountInfo, IPublicClientApplication } from '@azure/msal-browser';
import type { ClientConfig } from '../api/types';
import { classifyAuthError } from './authErrors';

// MSAL is the largest library of the pane (about 80 KB gzip). Its download starts as soon as this module runs,
// beside the host's start and the configuration request, but the first render (the loading screen) need not wait.
const msalLibrary = import('@azure/msal-browser');
// A failed download is reported where createAuthClient awaits it; this only keeps it from counting as unhandled.
msalLibrary.catch(() => undefined);

/** Thrown by getToken when no token can be had without the user: show the Sign in button. */
export class SignInRequiredError extends Error {
  override readonly name = 'SignInRequiredError';
  constructor(cause: unknown) {
    super('Sign-in required', { cause });
  }
}

/** Tokens for the service's API scope. */
export interface AuthClient {
  /** A token from MSAL's cache or the host, without any UI; throws SignInRequiredError otherwise. */
  getToken(options?: { forceRefresh?: boolean }): Promise<string>;
  /** Interactive sign-in. Call it straight from a click handler: browsers only allow popups on a user gesture. */
  signIn(): Promise<void>;
}

/** The page MSAL's popup returns to: blank on purpose (see auth-redirect.html). */
export function redirectUri(origin: string = window.location.origin): string {
  return `${origin}/auth-redirect.html`;
}

/**
 * One code path for every host: createNestablePublicClientApplication uses nested app authentication when
 * Outlook or Teams offers the bridge (in Teams, teams-js must have initialised first) and otherwise falls back
 * to the normal browser client with popups against the same authority.
 */
export async function createAuthClient(config: ClientConfig): Promise<AuthClient> {
  const { createNestablePublicClientApplication } = await msalLibrary;
  const pca = await createNestablePublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      knownAuthorities: config.knownAuthorities,
      redirectUri: redirectUri(),
    },
    cache: { cacheLocation: 'localStorage' },
  });
  const scopes = [config.apiScope];

  return {
    async getToken(options) {
      try {
        const result = await pca.acquireTokenSilent({
          scopes,
          account: currentAccount(pca),
          forceRefresh: options?.forceRefresh ?? false,
        });
        rememberAccount(pca, result.account);
        return result.accessToken;
      } catch (error) {
        // Any silent failure ends at the Sign in button; only the interactive attempt reports errors to the user.
        if (classifyAuthError(error) !== 'interaction_required') console.warn('Silent sign-in failed', error);
        throw new SignInRequiredError(error);
      }
    },
    async signIn() {
      const result = await pca.acquireTokenPopup({ scopes });
      rememberAccount(pca, result.account);
    },
  };
}

function currentAccount(pca: IPublicClientApplication): AccountInfo | undefined {
  return pca.getActiveAccount() ?? pca.getAllAccounts()[0];
}

function rememberAccount(pca: IPublicClientApplication, account: AccountInfo | null): void {
  if (!account) return;
  try {
    pca.setActiveAccount(account);
  } catch {
    // Not supported under nested app authentication; the host keeps track of the account there.
  }
}
