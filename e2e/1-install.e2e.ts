import { expect, test } from '@playwright/test';
import { expectAccessibleWhenNarrow, installFromPopup, personBrowsing, signIn, snap } from './helpers.js';
import { signInByKeyboard, tabAndPress } from './keyboard.js';

// One product instance for the file: the order is the story of docs/product-rules.md#1-installing-for-an-organisation.
test.describe.configure({ mode: 'serial' });

test('an ordinary Contoso user before the install is told to ask the administrator', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in to Zoho CRM' })).toBeVisible();
  await snap(page, 'en', '01-sign-in');
  await signIn(page, 'megan.bowen@contoso.onmicrosoft.com', /^Sign in$/, 'en', '02');
  await expect(page.getByRole('heading', { name: /not set up for contoso\.onmicrosoft\.com yet/i })).toBeVisible();
  await expect(page.getByText('What to ask your administrator')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Install for/ })).toHaveCount(0);
  await snap(page, 'en', '03-not-installed-ask-admin');
  await context.close();
});

test('the administrator who closes the consent window without accepting is told nothing was installed', async ({
  browser,
}) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Install for contoso.onmicrosoft.com' }).click();
  const popup = await popupPromise;
  await expect(page.getByText('Waiting for the installation to finish in the other window…')).toBeVisible();
  await popup.getByRole('button', { name: 'Cancel' }).click();
  await expect(popup.getByRole('heading', { name: 'Not installed' })).toBeVisible();
  await popup.close();

  await expect(page.getByRole('alert')).toContainText('Nothing was installed');
  await expect(page.getByRole('alert')).toContainText('To try again, select "Install for contoso.onmicrosoft.com"');
  await expect(page.getByText('Waiting for the installation to finish in the other window…')).toHaveCount(0);
  await snap(page, 'en', '05-consent-window-closed');
  await expectAccessibleWhenNarrow(page, 'en-not-installed-consent-window-closed');
  await context.close();
});

test('the Contoso administrator installs, accepts the terms and lands as Super Admin', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await expect(page.getByRole('button', { name: 'Install for contoso.onmicrosoft.com' })).toBeVisible();
  await snap(page, 'en', '04-not-installed-admin');
  await installFromPopup(page, /^Install for contoso/, 'en', '05');

  await expect(page.getByRole('heading', { name: 'Welcome to Zoho CRM' })).toBeVisible({ timeout: 15_000 });
  const continueButton = page.getByRole('button', { name: 'Continue' });
  await expect(continueButton).toBeDisabled();
  await snap(page, 'en', '06-first-visit-terms');
  await expectAccessibleWhenNarrow(page, 'en-first-visit-terms');
  await page.getByRole('checkbox', { name: 'I accept the terms and conditions' }).check();
  await continueButton.click();

  await expect(page.getByRole('heading', { name: 'Welcome, Contoso Admin' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Super Admin$/ })).toBeVisible();
  await expect(page.getByText('Contoso', { exact: true }).first()).toBeVisible();
  await snap(page, 'en', '07-member-super-admin');

  // Reopening the app goes straight in.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome, Contoso Admin' })).toBeVisible();
  await context.close();
});

test('a Fabrikam user before the install sees the same advice, in German', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Bei Zoho CRM anmelden' })).toBeVisible();
  await snap(page, 'de', '01-anmelden');
  await signIn(page, 'jonas.weber@fabrikam.onmicrosoft.com', /^Anmelden$/, 'de');
  await expect(page.getByRole('heading', { name: /fabrikam\.onmicrosoft\.com/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /installieren/ })).toHaveCount(0);
  await snap(page, 'de', '03-nicht-installiert-admin-fragen');
  await context.close();
});

test('a German administrator who closes the consent window is told so in German', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await page.goto('/');
  await signIn(page, 'admin@fabrikam.onmicrosoft.com', /^Anmelden$/, 'de');
  const popupPromise = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'Für fabrikam.onmicrosoft.com installieren' }).click();
  const popup = await popupPromise;
  await expect(page.getByText(/Warten, bis die Installation/)).toBeVisible();
  await popup.close();

  await expect(page.getByRole('alert')).toContainText('Es wurde nichts installiert');
  await expect(page.getByText(/Warten, bis die Installation/)).toHaveCount(0);
  await snap(page, 'de', '05-zustimmungsfenster-geschlossen');
  await expectAccessibleWhenNarrow(page, 'de-not-installed-consent-window-closed');
  await context.close();
});

test('the Fabrikam administrator installs with the keyboard alone and gets a separate organisation, in German', async ({
  browser,
}) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await page.goto('/');
  await signInByKeyboard(page, 'admin@fabrikam.onmicrosoft.com', /^Anmelden$/);
  const install = page.getByRole('button', { name: 'Für fabrikam.onmicrosoft.com installieren' });
  await expect(install).toBeVisible();
  await snap(page, 'de', '04-nicht-installiert-admin');
  // Enter on Install opens the consent window, driven as in the other tests.
  const popupPromise = page.waitForEvent('popup');
  await tabAndPress(page, install);
  const popup = await popupPromise;
  await snap(popup, 'de', '05-tenant-consent');
  await popup.getByRole('button', { name: 'Accept' }).click();
  await expect(popup.getByRole('heading', { level: 1 })).toBeVisible();
  await popup.close();

  await expect(page.getByRole('heading', { name: 'Willkommen bei Zoho CRM' })).toBeVisible({ timeout: 15_000 });
  await snap(page, 'de', '06-erster-besuch-bedingungen');
  const terms = page.getByRole('checkbox', { name: 'Ich akzeptiere die Geschäftsbedingungen' });
  await tabAndPress(page, terms, ' ');
  await expect(terms).toBeChecked();
  await tabAndPress(page, page.getByRole('button', { name: 'Weiter' }));

  await expect(page.getByRole('heading', { name: 'Willkommen, Fabrikam Admin' })).toBeVisible();
  await expect(page.getByText('Fabrikam', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Super-Administrator$/ })).toBeVisible();
  await expect(page.getByText('Contoso')).toHaveCount(0);
  await snap(page, 'de', '07-mitglied-super-admin');
  await context.close();
});

test('a Contoso colleague without access learns that the company already has an account', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signIn(page, 'alex.wilber@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await expect(page.getByRole('heading', { name: /already uses Zoho CRM/ })).toBeVisible();
  await snap(page, 'en', '08-no-access');
  await context.close();
});
