import { expect, test, type Page } from '@playwright/test';
import { personBrowsing, signIn, snap, TENANT_URL, type Language } from './helpers.js';

// Runs after 1-install: Contoso is installed and its administrator is Super Admin. The seed's two cases, in order.
test.describe.configure({ mode: 'serial' });

async function openUsersPage(page: Page, language: Language): Promise<void> {
  const de = language === 'de';
  await page.getByRole('tab', { name: de ? 'Einstellungen' : 'Settings' }).click();
  await page.getByRole('button', { name: de ? 'Benutzer' : 'Users', exact: true }).click();
  await expect(page.getByRole('table', { name: de ? 'CRM-Benutzer' : 'CRM users' })).toBeVisible();
}

/** Opens a mailbox in the local tenant's web view and the newest mail whose subject matches. */
async function openMail(page: Page, mailbox: string, subject: RegExp): Promise<void> {
  await page.goto(`${TENANT_URL}/mail/${encodeURIComponent(mailbox)}`);
  await page.getByRole('link', { name: subject }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
}

test('case 1: the Contoso administrator invites two colleagues from Office 365 Users', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await openUsersPage(page, 'en');
  await snap(page, 'en', '10-users-page');

  await page.getByRole('button', { name: 'Office 365 Users' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Users' });
  await expect(dialog.getByRole('checkbox', { name: 'Megan Bowen' })).toBeVisible();
  await dialog
    .getByRole('searchbox', { name: 'Search' })
    .or(dialog.getByRole('textbox', { name: 'Search' }))
    .fill('e');
  await dialog.getByRole('checkbox', { name: 'Megan Bowen' }).check();
  await dialog.getByRole('checkbox', { name: 'Alex Wilber' }).check();
  await snap(page, 'en', '11-add-users-selected');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('list', { name: 'Result per person' })).toContainText('Megan Bowen');
  await snap(page, 'en', '12-add-users-result');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByText('megan.bowen@contoso.onmicrosoft.com').first()).toBeVisible();
  await snap(page, 'en', '13-users-with-invitations');
  await context.close();
});

test('case 1: Megan accepts through the link in her mail', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await openMail(page, 'megan.bowen@contoso.onmicrosoft.com', /invited you to Zoho CRM/);
  await snap(page, 'en', '14-invitation-mail');
  await page.frameLocator('iframe[title="Message body"]').getByRole('link', { name: 'Accept invitation' }).click();
  await page.waitForURL(/invitation=/);
  await signIn(page, 'megan.bowen@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await expect(page.getByRole('checkbox', { name: 'I accept the terms and conditions' })).toBeVisible();
  await snap(page, 'en', '15-invited-terms');
  await page.getByRole('checkbox', { name: 'I accept the terms and conditions' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Megan Bowen' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^Standard$/ })).toBeVisible();
  await snap(page, 'en', '16-member-standard');
  await context.close();
});

test('case 1: Alex accepts by simply opening the app', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signIn(page, 'alex.wilber@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await page.getByRole('checkbox', { name: 'I accept the terms and conditions' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome, Alex Wilber' })).toBeVisible();
  await context.close();
});

test('case 2: Diego asks to join, in German', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await page.goto('/');
  await signIn(page, 'diego.siciliani@contoso.onmicrosoft.com', /^Anmelden$/, 'de');
  await expect(page.getByRole('button', { name: 'Aufnahme beantragen' })).toBeVisible();
  await snap(page, 'de', '20-kein-zugang');
  await page.getByRole('button', { name: 'Aufnahme beantragen' }).click();
  await expect(page.getByRole('button', { name: 'Erneut prüfen' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Aufnahme beantragen' })).toHaveCount(0);
  await snap(page, 'de', '21-anfrage-offen');
  await context.close();
});

test('case 2: the administrator approves from the mail, in German', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await openMail(page, 'admin@contoso.onmicrosoft.com', /Diego Siciliani/);
  await snap(page, 'de', '22-anfrage-mail');
  await page.frameLocator('iframe[title="Message body"]').getByRole('link').first().click();
  await page.waitForURL(/accessRequest=/);
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Anmelden$/, 'de');
  const dialog = page.getByRole('dialog', { name: 'Neuen Benutzer hinzufügen' });
  await expect(dialog).toContainText('Diego Siciliani');
  await snap(page, 'de', '23-neuen-benutzer-hinzufuegen');
  await dialog.getByRole('button', { name: 'Genehmigen & Hinzufügen' }).click();
  await expect(dialog.getByRole('button', { name: 'Genehmigen & Hinzufügen' })).toHaveCount(0);
  await snap(page, 'de', '24-genehmigt');
  await context.close();
});

test('case 2: Diego opens the app as a member', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await page.goto('/');
  await signIn(page, 'diego.siciliani@contoso.onmicrosoft.com', /^Anmelden$/, 'de');
  await expect(page.getByRole('heading', { name: 'Willkommen, Diego Siciliani' })).toBeVisible();
  await snap(page, 'de', '25-mitglied');
  await context.close();
});

test('a member without Manage Users who follows an approval link is told so, and nothing changes', async ({
  browser,
}) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await openMail(page, 'admin@contoso.onmicrosoft.com', /Diego Siciliani/);
  const href = await page.frameLocator('iframe[title="Message body"]').getByRole('link').first().getAttribute('href');
  await page.goto(href!);
  await signIn(page, 'megan.bowen@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await expect(page.getByText(/Manage Users permission/).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve & Add' })).toHaveCount(0);
  await snap(page, 'en', '26-no-permission');
  await context.close();
});
