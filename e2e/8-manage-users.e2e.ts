import { expect, test, type Page } from '@playwright/test';
import { apiAs, contosoWithMembers, openUsersPage, personBrowsing, signIn, snap } from './helpers.js';

// Settings > Users as an administrator uses it to share the work: profiles, roles, deactivation (issue 13).
test.describe.configure({ mode: 'serial' });

const MEGAN = 'megan.bowen@contoso.onmicrosoft.com';
const ALEX = 'alex.wilber@contoso.onmicrosoft.com';

function row(page: Page, name: string) {
  return page.getByRole('row').filter({ hasText: name });
}

test.beforeAll(async ({ browser }) => {
  await contosoWithMembers(browser, [MEGAN, ALEX]);
  const megan = await apiAs(MEGAN);
  expect((await megan('/api/sync/calendar/enable', 'POST')).ok).toBe(true);
});

test('the Super Admin makes Megan an Administrator, and is refused demoting the only Super Admin', async ({
  browser,
}) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await openUsersPage(page, 'en');

  await page.getByRole('button', { name: 'Edit Megan Bowen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Megan Bowen' });
  await dialog.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Administrator' });
  await dialog.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'CEO' });
  await snap(page, 'en', '81-edit-user');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Megan Bowen')).toContainText('Administrator');
  await expect(row(page, 'Megan Bowen')).toContainText('CEO');

  await page.getByRole('button', { name: 'Edit Contoso Admin' }).click();
  const self = page.getByRole('dialog', { name: 'Edit Contoso Admin' });
  await expect(self.getByRole('button', { name: 'Deactivate user' })).toBeDisabled();
  await expect(self.getByText('You cannot deactivate yourself.')).toBeVisible();
  await self.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Standard' });
  await self.getByRole('button', { name: 'Save' }).click();
  await expect(self.getByRole('alert')).toContainText('only active Super Admin');
  await snap(page, 'en', '82-last-super-admin-refused');
  await self.getByRole('button', { name: 'Cancel' }).click();
  await expect(row(page, 'Contoso Admin')).toContainText('Super Admin');
  await context.close();
});

test('Megan, now an Administrator, deactivates Alex and activates him again, in German', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await page.goto('/');
  await signIn(page, MEGAN, /^Anmelden$/, 'de');
  await openUsersPage(page, 'de');

  // An Administrator may not take Super Admin away: the refusal is in words.
  await page.getByRole('button', { name: 'Contoso Admin bearbeiten' }).click();
  const adminDialog = page.getByRole('dialog', { name: 'Contoso Admin bearbeiten' });
  await adminDialog.getByRole('combobox', { name: 'Profil' }).selectOption({ label: 'Standard' });
  await adminDialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(adminDialog.getByRole('alert')).toContainText('Nur ein Super-Administrator');
  await snap(page, 'de', '83-nur-super-admin');
  await adminDialog.getByRole('button', { name: 'Abbrechen' }).click();

  await page.getByRole('button', { name: 'Alex Wilber bearbeiten' }).click();
  const dialog = page.getByRole('dialog', { name: 'Alex Wilber bearbeiten' });
  await dialog.getByRole('button', { name: 'Benutzer deaktivieren' }).click();
  await expect(dialog.getByText(/Die Datensätze bleiben im CRM/)).toBeVisible();
  await snap(page, 'de', '84-deaktivieren-bestaetigen');
  await dialog.getByRole('button', { name: 'Deaktivieren', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(row(page, 'Alex Wilber')).toContainText('Inaktiv');
  await snap(page, 'de', '85-alex-inaktiv');

  await page.getByRole('button', { name: 'Alex Wilber bearbeiten' }).click();
  await page.getByRole('button', { name: 'Benutzer aktivieren' }).click();
  await expect(row(page, 'Alex Wilber')).toContainText('Aktiv');
  await context.close();
});

test('deactivating Megan stops her calendar sync with the reason in her log, and her records stay', async ({
  browser,
}) => {
  const megan = await apiAs(MEGAN);
  expect(
    (
      await megan('/api/events', 'POST', {
        subject: 'Quarterly review',
        start: '2030-03-04T10:00',
        end: '2030-03-04T11:00',
        timeZone: 'Europe/Berlin',
      })
    ).ok,
  ).toBe(true);

  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await openUsersPage(page, 'en');
  await page.getByRole('button', { name: 'Edit Megan Bowen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit Megan Bowen' });
  await dialog.getByRole('button', { name: 'Deactivate user' }).click();
  await dialog.getByRole('button', { name: 'Deactivate', exact: true }).click();
  await expect(row(page, 'Megan Bowen')).toContainText('Inactive');
  expect((await megan('/api/events')).status).toBe(403);

  await page.getByRole('button', { name: 'Edit Megan Bowen' }).click();
  await expect(page.getByText(/Megan Bowen is deactivated/)).toBeVisible();
  await page.getByRole('button', { name: 'Activate user' }).click();
  await expect(row(page, 'Megan Bowen')).toContainText('Active');
  await context.close();

  const status = (await (await megan('/api/sync/calendar')).json()) as {
    enabled: boolean;
    log: { reason: string }[];
  };
  expect(status.enabled).toBe(false);
  expect(status.log.map((entry) => entry.reason).join('\n')).toContain('an administrator deactivated this CRM user');
  const events = (await (await megan('/api/events')).json()) as { events: { subject: string }[] };
  expect(events.events.map((event) => event.subject)).toContain('Quarterly review');
});
