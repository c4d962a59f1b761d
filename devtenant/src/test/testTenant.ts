import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Agent, fetch } from 'undici';
import { ensureLocalCertificates, type LocalCertificates } from '../certs/localCertificates.js';
import type { AppRegistration } from '../directory/appRegistration.js';
import { startDevTenant, type DevTenantOptions, type RunningDevTenant } from '../server.js';

export const TEST_CLIENT_ID = '6a1f0c3e-2b7d-4e59-9c84-3d2e1f0a9b17';
export const TEST_SECRET = 'test-secret-value';
export const SPA_ORIGIN = 'https://localhost:3000';
export const SPA_REDIRECT = `${SPA_ORIGIN}/auth-redirect.html`;
export const WEB_REDIRECT = `${SPA_ORIGIN}/api/install/callback`;
export const API_SCOPE = `api://localhost:3000/${TEST_CLIENT_ID}/access_as_user`;

export function testApp(overrides: Partial<AppRegistration> = {}): AppRegistration {
  return {
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_SECRET,
    displayName: 'CRM Test App',
    applicationIdUri: `api://localhost:3000/${TEST_CLIENT_ID}`,
    exposedScopes: ['access_as_user'],
    spaRedirectUris: [SPA_REDIRECT],
    webRedirectUris: [WEB_REDIRECT],
    graphDelegatedPermissions: [
      'User.Read',
      'User.ReadBasic.All',
      'Mail.Send',
      'Calendars.ReadWrite',
      'Contacts.ReadWrite',
    ],
    graphApplicationPermissions: ['User.Read.All', 'Mail.Send', 'Calendars.ReadWrite', 'Contacts.ReadWrite'],
    ...overrides,
  };
}

export interface HttpResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** A local tenant on an ephemeral port, and HTTP helpers that trust its CA. */
export interface TestTenant {
  tenant: RunningDevTenant;
  url: string;
  /** The local CA and localhost certificate (webhook listeners in tests serve with them). */
  certs: LocalCertificates;
  request(
    url: string,
    init?: { method?: string; headers?: Record<string, string>; body?: string },
  ): Promise<HttpResult>;
  token(tenantSegment: string, params: Record<string, string>, headers?: Record<string, string>): Promise<HttpResult>;
  ropc(upn: string, scope: string, tenantSegment?: string): Promise<string>;
  graph(
    pathAndQuery: string,
    token: string | undefined,
    init?: { method?: string; headers?: Record<string, string>; body?: unknown },
  ): Promise<HttpResult>;
  browser(): Browser;
  close(): Promise<void>;
}

export async function startTestTenant(options: Partial<DevTenantOptions> = {}): Promise<TestTenant> {
  const dir = mkdtempSync(path.join(tmpdir(), 'devtenant-test-'));
  const certs = await ensureLocalCertificates(path.join(dir, 'certs'));
  const dispatcher = new Agent({ connect: { ca: certs.caCertPem } });
  const tenant = await startDevTenant({
    port: 0,
    tls: { cert: certs.certPem, key: certs.keyPem, ca: certs.caCertPem },
    apps: [testApp()],
    password: 'Test!Pass1',
    ...options,
  });

  const request = async (
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ): Promise<HttpResult> => {
    const response = await fetch(url.startsWith('http') ? url : `${tenant.url}${url}`, {
      ...init,
      dispatcher,
      redirect: 'manual',
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers as unknown as Headers, text, json };
  };
  const token = (segment: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
    request(`/${segment}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(params).toString(),
    });
  const ropc = async (upn: string, scope: string, segment = 'organizations') => {
    const r = await token(segment, {
      grant_type: 'password',
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_SECRET,
      username: upn,
      password: tenant.password,
      scope,
    });
    if (r.status !== 200) throw new Error(`ROPC failed: ${r.text}`);
    return r.json.access_token as string;
  };
  const graph = (
    p: string,
    bearer: string | undefined,
    init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
  ) =>
    request(`/v1.0${p}`, {
      method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
      headers: {
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      ...(init.body !== undefined
        ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }
        : {}),
    });
  return {
    tenant,
    url: tenant.url,
    certs,
    request,
    token,
    ropc,
    graph,
    browser: () => new Browser(request),
    close: async () => {
      await tenant.close();
      await dispatcher.close();
    },
  };
}

/** A minimal browser: keeps cookies, reads forms from HTML, follows nothing by itself. */
export class Browser {
  private readonly cookies = new Map<string, string>();
  constructor(private readonly send: TestTenant['request']) {}

  private cookieHeader(): Record<string, string> {
    return this.cookies.size === 0 ? {} : { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }

  private keep(result: HttpResult): HttpResult {
    const setCookie = result.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      const [name, ...value] = pair!.split('=');
      if (value.join('=')) this.cookies.set(name!.trim(), value.join('='));
      else this.cookies.delete(name!.trim());
    }
    return result;
  }

  async get(url: string): Promise<HttpResult> {
    return this.keep(await this.send(url, { headers: this.cookieHeader() }));
  }

  async post(url: string, fields: Record<string, string>): Promise<HttpResult> {
    return this.keep(
      await this.send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...this.cookieHeader() },
        body: new URLSearchParams(fields).toString(),
      }),
    );
  }

  hasSession(): boolean {
    return this.cookies.has('devtenant_session');
  }
}

/** The action and hidden interaction id of the first form of a page. */
export function formOf(html: string): { action: string; interaction: string } {
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  const interaction = /name="interaction" value="([^"]+)"/.exec(html)?.[1];
  if (!action || !interaction) throw new Error(`No sign-in form in page: ${html.slice(0, 300)}`);
  return { action: action.replace(/&amp;/g, '&'), interaction };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function redirectParams(location: string | null): URLSearchParams {
  if (!location) throw new Error('No redirect');
  const url = new URL(location);
  return new URLSearchParams(url.hash ? url.hash.slice(1) : url.search);
}

/** Signs in through the pages (picker → password) for an /authorize or /adminconsent URL; returns the last response. */
export async function signInThroughPages(
  browser: Browser,
  startUrl: string,
  upn: string,
  password: string,
): Promise<HttpResult> {
  const first = await browser.get(startUrl);
  if (first.status !== 200) return first;
  if (!first.text.includes('Pick an account'))
    throw new Error(`Expected the account picker: ${first.text.slice(0, 300)}`);
  const form = formOf(first.text);
  const passwordPage = await browser.post(form.action, { interaction: form.interaction, login: upn });
  if (!passwordPage.text.includes('Enter password'))
    throw new Error(`Expected the password page: ${passwordPage.text.slice(0, 300)}`);
  return browser.post(form.action, { interaction: form.interaction, login: upn, passwd: password });
}

/** Runs the admin consent flow as the tenant's administrator and accepts. */
export async function grantAdminConsent(t: TestTenant, tenantId: string, adminUpn: string): Promise<void> {
  const browser = t.browser();
  const start = `/${tenantId}/adminconsent?client_id=${TEST_CLIENT_ID}&redirect_uri=${encodeURIComponent(WEB_REDIRECT)}&state=s1`;
  const consentPage = await signInThroughPages(browser, start, adminUpn, t.tenant.password);
  const form = /action="([^"]+adminconsent\/decision)"/.exec(consentPage.text)?.[1];
  const interaction = /name="interaction" value="([^"]+)"/.exec(consentPage.text)?.[1];
  if (!form || !interaction) throw new Error(`No consent page: ${consentPage.text.slice(0, 300)}`);
  const done = await browser.post(form, { interaction, decision: 'accept' });
  if (done.status !== 302) throw new Error(`Consent failed: ${done.status} ${done.text}`);
}

/** The test app's app-only Graph token in a tenant (the application permissions its administrator granted). */
export async function appGraphToken(t: TestTenant, tenantId: string): Promise<string> {
  const cc = await t.token(tenantId, {
    grant_type: 'client_credentials',
    client_id: TEST_CLIENT_ID,
    client_secret: TEST_SECRET,
    scope: 'https://graph.microsoft.com/.default',
  });
  return cc.json.access_token;
}

/** The test app reading mail as itself (Mail.Read application), with these delegated permissions added. */
export function mailReadingApp(delegated: string[] = []): AppRegistration {
  return testApp({
    graphDelegatedPermissions: [...testApp().graphDelegatedPermissions, ...delegated],
    graphApplicationPermissions: [...testApp().graphApplicationPermissions, 'Mail.Read'],
  });
}

/** Registers the mail-reading app, has the tenant's administrator consent, and gives its app-only token. */
export async function consentedMailApp(t: TestTenant, tenantId: string, adminUpn: string): Promise<string> {
  t.tenant.registerApp(mailReadingApp());
  await grantAdminConsent(t, tenantId, adminUpn);
  return appGraphToken(t, tenantId);
}
