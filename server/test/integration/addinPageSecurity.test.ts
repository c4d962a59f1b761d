import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../stack.js';

const built = fileURLToPath(new URL('../../../addin/dist/taskpane.html', import.meta.url));

describe('the add-in pages as a browser loads them', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(built))
      throw new Error('The add-in is not built: run `npm run build:addin` first (npm test does).');
    stack = await startStack({ runJobs: false });
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(async () => {
    await browser.close();
    await stack.close();
  });

  it.each(['/', '/taskpane.html'])('%s carries a CSP that lets only Microsoft 365 frame it', async (path) => {
    const response = await stack.fetch(`${stack.serviceUrl}${path}`);
    await response.arrayBuffer();
    const csp = response.headers.get('content-security-policy') ?? '';
    const frameAncestors = /frame-ancestors ([^;]+)/.exec(csp)?.[1]?.split(' ') ?? [];
    expect(frameAncestors).toEqual(
      expect.arrayContaining([
        "'self'",
        'https://teams.microsoft.com',
        'https://*.cloud.microsoft',
        'https://outlook.office.com',
      ]),
    );
    expect(frameAncestors.some((source) => source === '*' || source === 'https:')).toBe(false);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it.each(['/', '/taskpane.html', '/?host=teams&locale=de-DE'])(
    '%s renders in Chromium without a single CSP violation',
    async (path) => {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      // Runs in the page (the server's TypeScript has no DOM types, hence a string).
      await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
        console.error('Content Security Policy violation: ' + event.violatedDirective + ' ' + event.blockedURI))`);
      await page.goto(`${stack.serviceUrl}${path}`);
      // The first screen outside Office and Teams: the sign-in button, rendered with Fluent's injected styles.
      await page.getByRole('button').first().waitFor({ timeout: 20_000 });
      const styled = await page.evaluate<number>("document.querySelectorAll('style').length");
      expect(styled).toBeGreaterThan(0);
      await page.waitForTimeout(500);
      await context.close();
      expect(violations).toEqual([]);
    },
  );

  it('signs in through MSAL (authority metadata and tokens) and shows the next screen without a CSP violation', async () => {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const violations: string[] = [];
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.goto(`${stack.serviceUrl}/`);
    const popupOpened = page.waitForEvent('popup');
    await page.getByRole('button', { name: /sign in/i }).click();
    const popup = await popupOpened;
    await popup.getByRole('button', { name: 'admin@contoso.onmicrosoft.com' }).click();
    await popup.getByLabel('Password').fill(stack.tenant.password);
    const closed = popup.waitForEvent('close');
    await popup.getByRole('button', { name: 'Sign in', exact: true }).click();
    await closed;
    // An administrator of a tenant without the app sees the Install screen, reached only with a token.
    await page.getByRole('button', { name: /install/i }).waitFor({ timeout: 20_000 });
    await context.close();
    expect(violations).toEqual([]);
  });
});
