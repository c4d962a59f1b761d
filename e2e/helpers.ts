import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { TENANT_PORT } from './playwright.config.js';

export const PASSWORD = process.env.DEVTENANT_PASSWORD ?? 'LocalDev!2026';
export const TENANT_URL = `https://localhost:${TENANT_PORT}`;
const screenshotDir = join(import.meta.dirname, 'screenshots');

export type Language = 'en' | 'de';

/** A person at their own browser: a fresh context in their language, so sessions never mix. */
export async function personBrowsing(browser: Browser, language: Language): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: language === 'de' ? 'de-DE' : 'en-US' });
  return { context, page: await context.newPage() };
}

/** Saves what the person sees as e2e/screenshots/<language>/<name>.png. */
export async function snap(page: Page, language: Language, name: string): Promise<void> {
  mkdirSync(join(screenshotDir, language), { recursive: true });
  await page.screenshot({ path: join(screenshotDir, language, `${name}.png`), fullPage: true });
}

/** Signs in through the local tenant's account picker in the popup that MSAL opens. */
export async function signIn(page: Page, userPrincipalName: string, signInLabel: RegExp, language: Language, screenshotPrefix?: string): Promise<void> {
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
export async function installFromPopup(page: Page, installLabel: RegExp, language: Language, screenshotPrefix: string): Promise<void> {
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
