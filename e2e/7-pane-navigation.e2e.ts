import { expect, test } from '@playwright/test';
import { personBrowsing, signInContosoAdmin, snap } from './helpers.js';

// Each screen of the pane has an address: a reload keeps the screen, Back returns to the previous one.
test.describe.configure({ mode: 'serial' });

test('a reload on Settings > Users stays there, and Back walks the screens inside the app', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await signInContosoAdmin(page, 'en');
  const usersTable = page.getByRole('table', { name: 'CRM users' });

  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  await expect(usersTable).toBeVisible();

  await page.reload();
  await expect(usersTable).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Settings' })).toHaveAttribute('aria-selected', 'true');
  await snap(page, 'en', '70-users-after-reload');

  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByRole('button', { name: 'New event' })).toBeVisible();
  await page.goBack();
  await expect(page).not.toHaveURL('about:blank');
  await expect(usersTable).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Users', exact: true })).toBeVisible();
  await page.goForward();
  await expect(usersTable).toBeVisible();
  await context.close();
});

test('in German too, a reload keeps the Microsoft settings screen', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await signInContosoAdmin(page, 'de');
  await page.getByRole('tab', { name: 'Einstellungen' }).click();
  await page.getByRole('button', { name: 'Microsoft', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Kalender' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Kalender' })).toBeVisible();
  await snap(page, 'de', '70-microsoft-nach-neuladen');
  await context.close();
});
