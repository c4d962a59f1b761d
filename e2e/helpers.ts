import { AxeBuilder } from '@axe-core/playwright';
import type { Agent } from 'undici';
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TENANT_PORT } from './playwright.config.js';

export const PASSWORD = process.env.DEVTENANT_PASSWORD ?? 'LocalDev!2026';
export const TENANT_URL = `https://localhost:${TENANT_PORT}`;
const screenshotDir = join(import.meta.dirname, 'screenshots');

export type Language = 'en' | 'de';

/** A person at their own browser: a fresh context in their language, so sessions never mix (options: e.g. their time zone). */
export async function personBrowsing(
  browser: Browser,
  language: Language,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: language === 'de' ? 'de-DE' : 'en-US', ...options });
  // A script error in the add-in fails loudly in the test output instead of showing as a blank page.
  context.on('weberror', (error) => console.error(`page error: ${error.error().stack ?? error.error().message}`));
  return { context, page: await context.newPage() };
}

/** Saves what the person sees as e2e/screenshots/<language>/<name>.png. */
export async function snap(page: Page, language: Language, name: string, fullPage = true): Promise<void> {
  mkdirSync(join(screenshotDir, language), { recursive: true });
  // Dialogs fade in: finished animations show what the person sees once it has settled.
  await page.screenshot({ path: join(screenshotDir, language, `${name}.png`), fullPage, animations: 'disabled' });
}

/** Signs in through the local tenant's account picker in the popup that MSAL opens. */
export async function signIn(
  page: Page,
  userPrincipalName: string,
  signInLabel: RegExp,
  language: Language,
  screenshotPrefix?: string,
): Promise<void> {
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: signInLabel }).click();
  const popup = await popupPromise;
  await popup.getByRole('button', { name: userPrincipalName }).click();
  await popup.getByLabel('Password').fill(PASSWORD);
  if (screenshotPrefix) await snap(popup, language, `${screenshotPrefix}-tenant-password`);
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: 'Sign in', exact: true }).click();
  await closed;
}

/** Grants admin consent in the popup the Install button opens, then waits for the add-in to move on. */
export async function installFromPopup(
  page: Page,
  installLabel: RegExp,
  language: Language,
  screenshotPrefix: string,
): Promise<void> {
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: installLabel }).click();
  const popup = await popupPromise;
  await expect(popup.getByRole('button', { name: 'Accept' })).toBeVisible();
  await snap(popup, language, `${screenshotPrefix}-tenant-consent`);
  await popup.getByRole('button', { name: 'Accept' }).click();
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  await snap(popup, language, `${screenshotPrefix}-installed`);
  await popup.close();
}

/** fetch from the test process, trusting the CA that `npm start` made for this run. */
export async function trustedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const { readFileSync } = await import('node:fs');
  const { Agent: UndiciAgent, fetch: undiciFetch } = await import('undici');
  const { DATA_DIR } = await import('./playwright.config.js');
  trustedAgent ??= new UndiciAgent({
    connect: { ca: readFileSync(join(DATA_DIR, 'certs', 'devtenant-ca.pem'), 'utf8') },
  });
  return await undiciFetch(url, { ...(init as object), dispatcher: trustedAgent });
}
let trustedAgent: Agent | undefined;

/** The service's API as an automated client (resource-owner password grant), for preparing data quickly. */
export async function apiAs(
  upn: string,
): Promise<(path: string, method?: string, body?: unknown) => Promise<Response>> {
  const { readFileSync } = await import('node:fs');
  const { DATA_DIR, SERVICE_PORT } = await import('./playwright.config.js');
  const { clientSecret } = JSON.parse(readFileSync(join(DATA_DIR, 'secrets.json'), 'utf8')) as { clientSecret: string };
  const clientId = '3f6c1e2a-9d84-4b7e-a5c3-7e2d9f1b6a08';
  const tokenResponse = await trustedFetch(`${TENANT_URL}/organizations/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: clientId,
      client_secret: clientSecret,
      username: upn,
      password: PASSWORD,
      scope: `api://localhost:${SERVICE_PORT}/${clientId}/access_as_user`,
    }).toString(),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  return (path, method = 'GET', body) =>
    trustedFetch(`https://localhost:${SERVICE_PORT}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
}

/** Sets the local tenant's test knobs (e.g. Graph latency). */
export async function tenantKnobs(knobs: Record<string, unknown>): Promise<void> {
  await trustedFetch(`${TENANT_URL}/_devtenant/api/knobs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(knobs),
  });
}

/** Reads the local tenant's inspection API (what a mailbox holds). */
export async function tenantInspect<T>(path: string): Promise<T> {
  return (await (await trustedFetch(`${TENANT_URL}/_devtenant/api/${path}`)).json()) as T;
}

/**
 * Signs the Contoso administrator in and lands on their home, installing Contoso first when this run has not yet
 * (so a file that needs a member also runs on its own, not only after 1-install).
 */
export async function signInContosoAdmin(page: Page, language: Language): Promise<void> {
  const de = language === 'de';
  await page.goto('/');
  await signIn(page, 'admin@contoso.onmicrosoft.com', de ? /^Anmelden$/ : /^Sign in$/, language);
  const welcome = page.getByRole('heading', { name: de ? 'Willkommen, Contoso Admin' : 'Welcome, Contoso Admin' });
  const install = page.getByRole('button', { name: de ? /installieren/ : /^Install for/ });
  await expect(welcome.or(install)).toBeVisible({ timeout: 15_000 });
  if (await install.isVisible()) {
    await installFromPopup(page, de ? /installieren/ : /^Install for/, language, 'setup');
    await page
      .getByRole('checkbox', {
        name: de ? 'Ich akzeptiere die Geschäftsbedingungen' : 'I accept the terms and conditions',
      })
      .check();
    await page.getByRole('button', { name: de ? 'Weiter' : 'Continue' }).click();
  }
  await expect(welcome).toBeVisible({ timeout: 15_000 });
}

/**
 * Contoso installed by its administrator (through the pages a person uses) and the given colleagues joined by
 * invitation (through the API, to be quick): the starting point of a file that runs on its own.
 */
export async function contosoWithMembers(browser: Browser, colleagues: string[]): Promise<void> {
  const { context, page } = await personBrowsing(browser, 'en');
  await signInContosoAdmin(page, 'en');
  await context.close();
  const admin = await apiAs('admin@contoso.onmicrosoft.com');
  for (const email of colleagues) {
    const colleague = await apiAs(email);
    // After 2-users in a whole run, some are members already.
    if (((await (await colleague('/api/me')).json()) as { state?: string }).state === 'member') continue;
    expect((await admin('/api/invitations', 'POST', { email })).ok).toBe(true);
    expect((await colleague('/api/invitations/accept', 'POST', { acceptTerms: true })).ok).toBe(true);
  }
}

/** Settings > Users, as a person reaches it. */
export async function openUsersPage(page: Page, language: Language): Promise<void> {
  const de = language === 'de';
  await page.getByRole('tab', { name: de ? 'Einstellungen' : 'Settings' }).click();
  await page.getByRole('button', { name: de ? 'Benutzer' : 'Users', exact: true }).click();
  await expect(page.getByRole('table', { name: de ? 'CRM-Benutzer' : 'CRM users' })).toBeVisible();
}

/** The three looks the add-in takes in a browser: its theme follows prefers-color-scheme and forced-colors. */
export const LOOKS = {
  light: { colorScheme: 'light', forcedColors: 'none' },
  dark: { colorScheme: 'dark', forcedColors: 'none' },
  'high contrast': { colorScheme: 'dark', forcedColors: 'active' },
} as const;
export type Look = keyof typeof LOOKS;

/**
 * axe-core's serious and critical findings on the page as it is now (open dialogs included), as lines
 * "<where>: <rule> (<impact>) <targets>"; an empty list is a pass.
 */
export async function seriousA11yViolations(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Fluent's focus manager (tabster) puts aria-hidden <i tabindex="0"> guards at the edges of tab lists and
    // dialogs; they pass the focus straight on and are never announced, but axe counts them as focusable.
    .exclude('[data-tabster-dummy]')
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${where}: ${violation.id} (${violation.impact}) ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

// Runs in the page; text, since this project's types have no DOM.
const SETTLED = `Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => undefined)))`;

/**
 * Scans the page in light, dark and high contrast, returning every serious or critical finding; ends in light. In
 * Outlook or Teams the host sets the theme, so there it scans once.
 */
export async function a11yInEveryLook(page: Page, where: string): Promise<string[]> {
  if ((await page.locator('[data-host]').first().getAttribute('data-host')) !== 'browser')
    return await seriousA11yViolations(page, `${where} [host theme]`);
  const found: string[] = [];
  for (const [look, media] of Object.entries(LOOKS)) {
    await page.emulateMedia(media);
    await expect(page.locator(`[data-theme]`).first()).toHaveAttribute(
      'data-theme',
      look === 'light' ? 'webLight' : look === 'dark' ? 'webDark' : 'teamsHighContrast',
    );
    // Fluent's colours change by CSS transitions (a link styled as a button takes 100 ms): axe judges the colours
    // the look ends with, not a frame half-way from the last one.
    await page.evaluate(SETTLED);
    found.push(...(await seriousA11yViolations(page, `${where} [${look}]`)));
  }
  await page.emulateMedia(LOOKS.light);
  return found;
}

// Runs in the page; text, since this project's types have no DOM.
const OVERFLOW_SCRIPT = `(() => {
  const width = window.innerWidth;
  const found = [];
  if (document.documentElement.scrollWidth > width)
    found.push('the page scrolls sideways (' + document.documentElement.scrollWidth + ' > ' + width + ')');
  for (const element of document.querySelectorAll('body *')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= width + 0.5) continue;
    // Only the outermost element that overflows is named; its descendants go with it.
    const parent = element.parentElement;
    if (parent && parent !== document.body && parent.getBoundingClientRect().right > width + 0.5) continue;
    // Inside a scroll container that scrolls sideways on purpose (a wide table), overflow is reachable.
    let scroller = element.parentElement;
    while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
    if (scroller && scroller !== document.documentElement && scroller.getBoundingClientRect().right <= width + 0.5)
      continue;
    const name = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '');
    const text = (element.textContent || '').trim().slice(0, 40);
    found.push(name + ' "' + text + '" ends at ' + Math.round(box.right) + ' px');
  }
  return found;
})()`;

/** Elements whose box reaches past the viewport's right edge, and whether the page itself scrolls sideways. */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return await page.evaluate<string[]>(OVERFLOW_SCRIPT);
}

/** Screenshots the page at 320 and 360 px wide under e2e/screenshots/narrow/, returning what overflows at each. */
export async function narrowCheck(page: Page, name: string): Promise<string[]> {
  const original = page.viewportSize();
  const found: string[] = [];
  mkdirSync(join(screenshotDir, 'narrow'), { recursive: true });
  for (const width of [320, 360]) {
    await page.setViewportSize({ width, height: 720 });
    // Layout settles on the next frames (Fluent measures some widths in effects).
    await page.waitForTimeout(150);
    const path = join(screenshotDir, 'narrow', `${width}-${name}.png`);
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    console.log(`narrow screenshot: ${path}`);
    found.push(...(await horizontalOverflow(page)).map((line) => `${name} at ${width} px: ${line}`));
  }
  if (original) await page.setViewportSize(original);
  return found;
}

/**
 * The screen as it is now, once its loading spinners (named progressbars) are gone: no serious or critical axe
 * finding in any look, nothing past the right edge at 320 or 360 px. Soft, so one test names every finding.
 */
export async function expectAccessibleWhenNarrow(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
  expect.soft(await a11yInEveryLook(page, name), 'serious or critical axe findings').toEqual([]);
  expect.soft(await narrowCheck(page, name), 'elements past the right edge at 320/360 px').toEqual([]);
}
