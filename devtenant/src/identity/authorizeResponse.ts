import type { Response } from 'express';
import type { EntraError } from './entraError.js';
import { newGuid } from '../shared/ids.js';
import type { ResponseMode } from './interactionStore.js';
import { formPostPage } from './pages/signInPages.js';

/** Sends the authorization response (or error) to the redirect URI in the requested response mode. */
export function sendAuthorizeResponse(
  res: Response,
  redirectUri: string,
  mode: ResponseMode,
  params: Record<string, string | undefined>,
): void {
  const defined: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) defined[k] = v;
  res.setHeader('Cache-Control', 'no-store');
  if (mode === 'form_post') {
    res.status(200).type('html').send(formPostPage(redirectUri, defined));
    return;
  }
  const url = new URL(redirectUri);
  const encoded = new URLSearchParams(defined);
  if (mode === 'fragment') {
    url.hash = encoded.toString();
  } else {
    for (const [k, v] of encoded) url.searchParams.append(k, v);
  }
  res.redirect(302, url.toString());
}

/** OAuth error parameters as Entra puts them on the redirect. */
export function authorizeErrorParams(err: EntraError, state: string | undefined): Record<string, string | undefined> {
  const traceId = newGuid();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    error: err.error,
    error_description: `AADSTS${err.aadsts}: ${err.detail} Trace ID: ${traceId} Correlation ID: ${newGuid()} Timestamp: ${timestamp}`,
    error_uri: `https://login.microsoftonline.com/error?code=${err.aadsts}`,
    ...(err.suberror ? { suberror: err.suberror } : {}),
    state,
  };
}
