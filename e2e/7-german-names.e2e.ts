import { expect, test } from '@playwright/test';
import { personBrowsing, signInContosoAdmin, snap } from './helpers.js';

// Everything the German pane names, it names in German, in the words Outlook uses.
test.describe.configure({ mode: 'serial' });

test('the search boxes’ clear buttons are named in German (Kontakte, Benutzer hinzufügen)', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await signInContosoAdmin(page, 'de');

  await page.getByRole('tab', { name: 'Kontakte' }).click();
  await page.getByRole('searchbox', { name: 'Kontakte suchen' }).fill('Bauer');
  await expect(page.getByRole('button', { name: 'Suche löschen' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'clear', exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Suche löschen' }).click();
  await expect(page.getByRole('searchbox', { name: 'Kontakte suchen' })).toHaveValue('');

  await page.getByRole('tab', { name: 'Einstellungen' }).click();
  await page.getByRole('button', { name: 'Benutzer', exact: true }).click();
  await page.getByRole('button', { name: 'Office 365-Benutzer' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('searchbox').fill('e');
  await expect(dialog.getByRole('button', { name: 'Suche löschen' })).toBeAttached();
  await expect(dialog.getByRole('button', { name: 'clear', exact: true })).toHaveCount(0);
  await context.close();
});

test('the Configuration popup offers the names Outlook shows, not Graph’s property names', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await signInContosoAdmin(page, 'de');
  await page.getByRole('tab', { name: 'Einstellungen' }).click();
  await page.getByRole('button', { name: 'Microsoft', exact: true }).click();
  await page.getByRole('region', { name: 'Kontakte' }).getByRole('button', { name: 'Aktivieren' }).click();
  const dialog = page.getByRole('dialog', { name: 'Konfiguration' });
  const email = dialog.getByRole('combobox', { name: 'E-Mail', exact: true });
  await expect(email).toBeVisible();
  const offered = await email.locator('option').allTextContents();
  expect(offered).toEqual(expect.arrayContaining(['E-Mail', 'E-Mail 2', 'E-Mail 3']));
  const everyOption = await dialog.locator('option').allTextContents();
  expect(everyOption.filter((text) => /[[(]|emailAddresses|givenName|Address\./.test(text))).toEqual([]);
  await snap(page, 'de', '74-konfiguration-outlook-namen', false);
  await context.close();
});
