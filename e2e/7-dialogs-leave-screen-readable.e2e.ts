import { expect, test, type Page } from '@playwright/test';
import { apiAs, PASSWORD, personBrowsing, signIn, signInContosoAdmin, snap } from './helpers.js';
import { expectVisibleFocus } from './keyboard.js';

// A dialog that has closed, however it closed, leaves every screen reachable by role: nothing stays aria-hidden.
test.describe.configure({ mode: 'serial' });

/** What a screen reader finds: no ancestor of the pane's content hidden from it, and headings and tabs by role. */
async function expectReachable(page: Page, tab: string): Promise<void> {
  await expect(page.locator('[aria-hidden="true"]:has([role="tablist"])')).toHaveCount(0);
  await expect(page.getByRole('tab', { name: tab })).toBeVisible();
}

test('after Link my account succeeds, the home page is reachable by role', async ({ browser }) => {
  const admin = await apiAs('admin@contoso.onmicrosoft.com');
  // Makes sure Contoso is installed and has its administrator (this file may run on its own).
  {
    const { context, page } = await personBrowsing(browser, 'en');
    await signInContosoAdmin(page, 'en');
    await context.close();
  }
  const invited = await admin('/api/invitations', 'POST', { email: 'lynne.robbins@contoso.onmicrosoft.com' });
  expect(invited.status).toBe(201);

  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signIn(page, 'lynne.robbins@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await page.getByRole('button', { name: 'Link my account' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /e-mail/i }).fill('max.mustermann@northwind.example');
  await dialog.getByLabel(/password/i).fill(PASSWORD);
  await dialog.getByRole('button', { name: /link/i }).click();

  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectReachable(page, 'Events');
  await expect(page.getByRole('heading', { name: 'Welcome, Max Mustermann' })).toBeVisible();
  await snap(page, 'en', '71-linked-home');
  await context.close();
});

test('a dialog left open when Back changes the screen does not hide the next screen', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await signInContosoAdmin(page, 'de');
  await page.getByRole('tab', { name: 'Einstellungen' }).click();
  await page.getByRole('button', { name: 'Benutzer', exact: true }).click();
  await page.getByRole('button', { name: 'Office 365-Benutzer' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expectReachable(page, 'Ereignisse');
  await expect(page.getByRole('button', { name: 'Benutzer', exact: true })).toBeVisible();

  await page.getByRole('tab', { name: 'Ereignisse' }).click();
  await page.getByRole('button', { name: 'Neues Ereignis' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Start' }).click();
  await expectReachable(page, 'Ereignisse');
  await expect(page.getByRole('heading', { name: 'Willkommen, Contoso Admin' })).toBeVisible();
  await snap(page, 'de', '71-start-nach-dialogen');
  await context.close();
});

test('Escape closes a dialog opened over another one, then that one: each time the focus is back on its opener', async ({
  browser,
}) => {
  const admin = await apiAs('admin@contoso.onmicrosoft.com');
  const { context, page } = await personBrowsing(browser, 'en', { viewport: { width: 320, height: 640 } });
  await signInContosoAdmin(page, 'en');
  const created = await admin('/api/events', 'POST', {
    subject: 'Nested dialogs stand-up',
    start: '2030-03-04T09:00',
    end: '2030-03-04T09:15',
    timeZone: 'Europe/Berlin',
    recurrence: {
      pattern: { type: 'weekly', interval: 1, daysOfWeek: ['monday'] },
      range: { type: 'numbered', startDate: '2030-03-04', numberOfOccurrences: 3 },
    },
  });
  expect(created.status).toBe(201);
  await page.getByRole('tab', { name: 'Events' }).click();
  // A dialog opened and closed before leaves nothing behind that the nested ones below could trip over.
  await page.getByRole('button', { name: 'New event' }).click();
  await expect(page.getByRole('dialog', { name: 'New event' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const openOccurrences = page.getByRole('button', { name: 'Occurrences of Nested dialogs stand-up' });
  await openOccurrences.focus();
  await page.keyboard.press('Enter');
  const occurrences = page.getByRole('dialog', { name: 'Occurrences' });
  const editFirst = occurrences.getByRole('button', { name: /^Edit this occurrence/ }).first();
  await editFirst.click();
  await expect(page.getByRole('dialog', { name: 'Edit this occurrence' })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Edit this occurrence' })).toHaveCount(0);
  await expect(editFirst).toBeFocused();
  // Occurrences is modal again: the screen behind stays hidden from a screen reader while it is open.
  await expect(page.getByRole('tablist')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(occurrences).toHaveCount(0);
  await expect(openOccurrences).toBeFocused();
  await expectVisibleFocus(page);
  await expectReachable(page, 'Events');

  // The same from the keyboard, over the confirmation of Cancel this occurrence.
  await page.keyboard.press('Enter');
  const cancelFirst = occurrences.getByRole('button', { name: /^Cancel this occurrence/ }).first();
  await cancelFirst.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alertdialog', { name: 'Cancel this occurrence?' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(cancelFirst).toBeFocused();
  await expectVisibleFocus(page);
  await expect(page.getByRole('tablist')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(occurrences).toHaveCount(0);
  await expect(openOccurrences).toBeFocused();
  await expectReachable(page, 'Events');
  await context.close();
});

test('a dialog opened again keeps the focus inside while its content reloads, so Escape closes it each time', async ({
  browser,
}) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await signInContosoAdmin(page, 'en');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  // Add Users used to show its last list for a moment when opened again, with the focus in its search box, then a
  // spinner while it read the directory again: the focused box went away, and the focus fell out of the dialog.
  for (const round of [1, 2, 3]) {
    for (const [opener, dialog] of [
      ['Office 365 Users', 'Add Users'],
      ['Edit Contoso Admin', 'Edit Contoso Admin'],
    ] as const) {
      const button = page.getByRole('button', { name: opener });
      await button.click();
      await expect(page.getByRole('dialog', { name: dialog })).toBeVisible();
      await expect(
        page.getByRole('dialog', { name: dialog }).getByRole('checkbox').or(page.getByRole('combobox')).first(),
      ).toBeVisible();
      await expect(
        page.getByRole('dialog', { name: dialog }).locator(':focus'),
        `round ${round}: focus in ${dialog}`,
      ).toHaveCount(1);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(button).toBeFocused();
    }
  }
  await expectReachable(page, 'Events');
  await context.close();
});
