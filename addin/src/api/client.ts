import type { Language } from '../host/language';
import { ApiError, toApiError } from './errors';
import type { ClientConfig, Me } from './types';

/** Supplies a bearer token for the API scope; forceRefresh skips MSAL's cache. */
export type TokenSource = (options?: { forceRefresh?: boolean }) => Promise<string>;

/** GET /api/config: public, needed before sign-in can start. */
export async function fetchClientConfig(language: Language): Promise<ClientConfig> {
  return send<ClientConfig>('GET', '/api/config', language, undefined, undefined);
}

/** The signed-in calls of the service's API. */
export interface Api {
  getMe(): Promise<Me>;
  createOrganisation(): Promise<Me>;
  linkAccount(email: string, password: string): Promise<Me>;
}

/** An API client that authenticates every call and retries once with a fresh token on 401. */
export function createApi(language: Language, getToken: TokenSource): Api {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    try {
      return await send<T>(method, path, language, await getToken(), body);
    } catch (error) {
      if (!(error instanceof ApiError) || !error.isAuthentication) throw error;
      // unauthenticated / token_expired: MSAL's cached token may be stale; one fresh token, then give up.
      return send<T>(method, path, language, await getToken({ forceRefresh: true }), body);
    }
  };
  return {
    getMe: () => call<Me>('GET', '/api/me'),
    createOrganisation: () => call<Me>('POST', '/api/organisations', { acceptTerms: true }),
    linkAccount: (email, password) => call<Me>('POST', '/api/account-links', { email, password }),
  };
}

async function send<T>(
  method: string,
  path: string,
  language: Language,
  token: string | undefined,
  body: unknown,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', undefined);
  }

  const parsed = await readJson(response);
  if (!response.ok) throw toApiError(response.status, parsed);
  if (parsed === undefined) throw new ApiError(response.status, 'bad_response', undefined);
  return parsed as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
