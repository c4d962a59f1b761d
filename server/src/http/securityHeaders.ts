import type { RequestHandler } from 'express';
import type { Config } from '../config/config.js';

/**
 * The hosts that may show our pages in a frame: Outlook (the task pane) and Teams (the personal tab), on their
 * current and their new (cloud.microsoft) domains, as Microsoft lists them for apps that run in Teams, Outlook and
 * the Microsoft 365 app: https://learn.microsoft.com/en-us/microsoftteams/platform/tabs/how-to/tab-requirements
 */
export const MICROSOFT_365_FRAME_ANCESTORS = [
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
  'https://outlook.live.com',
] as const;

/** Where teams-js reads the host origins it accepts messages from (validOriginsCdnEndpoint in its constants). */
const TEAMS_JS_ORIGIN_LIST = 'https://res.cdn.office.net';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The response headers every page and answer of the service carries. */
export function securityHeaders(config: Config): Record<string, string> {
  const authority = new URL(config.authorityHost).origin;
  const officeJs = config.officeJsUrl ? new URL(config.officeJsUrl).origin : undefined;
  const directives = [
    "default-src 'self'",
    // Office.js comes from Microsoft's CDN in production (it loads its host-specific parts from there too).
    `script-src 'self'${officeJs ? ` ${officeJs}` : ''}`,
    // Fluent UI (Griffel) inserts its styles as <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // MSAL talks to the authority (metadata, tokens) and may renew silently in a hidden frame on it; teams-js
    // fetches its list of valid host origins from Microsoft's CDN (with a built-in list as fallback).
    `connect-src 'self' ${authority} ${TEAMS_JS_ORIGIN_LIST}${officeJs ? ` ${officeJs}` : ''}`,
    `frame-src 'self' ${authority}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors 'self' ${MICROSOFT_365_FRAME_ANCESTORS.join(' ')}`,
  ];
  const headers: Record<string, string> = {
    'Content-Security-Policy': directives.join('; '),
    'X-Content-Type-Options': 'nosniff',
    // Invitation and approval links carry their token in the query: never hand the URL to another site.
    'Referrer-Policy': 'no-referrer',
  };
  const publicUrl = new URL(config.publicUrl);
  if (publicUrl.protocol === 'https:' && !LOOPBACK_HOSTS.has(publicUrl.hostname)) {
    // Not on loopback: it would pin every local server on that name to https. A year, the usual value; subdomains
    // are left out, they may be other services of the customer's domain.
    headers['Strict-Transport-Security'] = 'max-age=31536000';
  }
  return headers;
}

/** Sets securityHeaders on every response. */
export function applySecurityHeaders(config: Config): RequestHandler {
  const headers = securityHeaders(config);
  return (_req, res, next) => {
    res.set(headers);
    next();
  };
}
