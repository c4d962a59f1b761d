import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createApi, fetchClientConfig, type Api } from '../api/client';
import { ApiError } from '../api/errors';
import type { Me } from '../api/types';
import { classifyAuthError, type AuthFailure } from '../auth/authErrors';
import { createAuthClient, SignInRequiredError, type AuthClient } from '../auth/authClient';
import type { Language } from '../host/language';

/** Where the user is, from the first request to a known CRM state. */
export type Session =
  | { phase: 'loading'; brand?: string }
  | { phase: 'signin'; brand: string; busy: boolean; problem?: SignInProblem }
  | { phase: 'ready'; brand: string; me: Me }
  | { phase: 'error'; brand?: string; error: unknown };

/** Why the sign-in screen is showing a message: an MSAL failure, or the service refusing our token. */
export type SignInProblem = Exclude<AuthFailure, 'interaction_required'> | 'rejected';

export interface SessionActions {
  /** Start over: config, token, /api/me. */
  retry: () => void;
  /** Interactive sign-in; wire it straight to the button's click (popups need the gesture). */
  signIn: () => void;
  /** Fetch /api/me again; resolves with the new state so callers can tell whether it changed. */
  refreshMe: () => Promise<Me | undefined>;
  /** Take a /api/me body the service returned from another call (create organisation, link account). */
  setMe: (me: Me) => void;
  api: () => Api;
}

/** Boots the app against the service and keeps the signed-in state. */
export function useSession(language: Language): [Session, SessionActions] {
  const [session, setSession] = useState<Session>({ phase: 'loading' });
  const auth = useRef<AuthClient>();
  const api = useRef<Api>();
  const brand = useRef<string>();
  const [attempt, setAttempt] = useState(0);

  // A refused or missing token sends the user back to Sign in; an MSAL failure during sign-in stays there with
  // words for it; anything else (service down, unexpected answer) goes to the error page with a retry.
  const fail = useCallback((error: unknown, fromSignIn = false) => {
    const b = brand.current;
    if (b === undefined) {
      setSession({ phase: 'error', error });
    } else if (error instanceof SignInRequiredError) {
      setSession({ phase: 'signin', brand: b, busy: false });
    } else if (error instanceof ApiError) {
      setSession(
        error.isAuthentication
          ? { phase: 'signin', brand: b, busy: false, problem: 'rejected' }
          : { phase: 'error', brand: b, error },
      );
    } else if (fromSignIn) {
      const failure = classifyAuthError(error);
      console.warn('Sign-in failed', error);
      setSession({
        phase: 'signin',
        brand: b,
        busy: false,
        problem: failure === 'interaction_required' ? 'other' : failure,
      });
    } else {
      setSession({ phase: 'error', brand: b, error });
    }
  }, []);

  const loadMe = useCallback(async () => {
    const me = await api.current!.getMe();
    setSession({ phase: 'ready', brand: brand.current!, me });
    return me;
  }, []);

  useEffect(() => {
    let cancelled = false;
    setSession({ phase: 'loading', brand: brand.current });
    (async () => {
      const config = await fetchClientConfig(language);
      brand.current = config.brand;
      document.title = config.brand;
      auth.current ??= await createAuthClient(config);
      const client = auth.current;
      api.current = createApi(language, (options) => client.getToken(options));
      const me = await api.current.getMe();
      if (!cancelled) setSession({ phase: 'ready', brand: config.brand, me });
    })().catch((error: unknown) => {
      if (!cancelled) fail(error);
    });
    return () => {
      cancelled = true;
    };
  }, [language, attempt, fail]);

  // Stable across renders (they only touch refs and setters), so screens can use them in effect dependencies.
  const actions = useMemo<SessionActions>(
    () => ({
      retry: () => setAttempt((n) => n + 1),
      signIn: () => {
        const client = auth.current;
        const b = brand.current;
        if (!client || b === undefined) return;
        setSession({ phase: 'signin', brand: b, busy: true });
        // No await before signIn(): the popup must open inside the click's task.
        client
          .signIn()
          .then(loadMe)
          .catch((error: unknown) => fail(error, true));
      },
      refreshMe: () =>
        loadMe().catch((error: unknown) => {
          fail(error);
          return undefined;
        }),
      setMe: (me) => setSession({ phase: 'ready', brand: brand.current!, me }),
      api: () => api.current!,
    }),
    [loadMe, fail],
  );
  return [session, actions];
}
