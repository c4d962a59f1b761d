import { expect, test } from '@playwright/test';
import { personBrowsing, signInContosoAdmin, snap } from './helpers.js';

// A field stops at the length the service accepts and says so in words, in the pane's language, on the field.
test.describe.configure({ mode: 'serial' });

const pasted = 'Überlang '.repeat(600).slice(0, 5_000);

test('New User: a 5,000-character name stops at 200 and the field says why', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await signInContosoAdmin(page, 'en');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  await page.getByRole('button', { name: 'New User' }).click();
  const dialog = page.getByRole('dialog', { name: 'New User' });
  const name = dialog.getByRole('textbox', { name: 'Name (optional)' });
  await name.fill(pasted);
  expect((await name.inputValue()).length).toBe(200);
  await expect(dialog.getByText('Name can be at most 200 characters long.')).toBeVisible();
  await snap(page, 'en', '73-new-user-name-at-limit');
  await dialog.getByRole('textbox', { name: 'E-mail address' }).fill('long.name@northwind.example');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText('long.name@northwind.example').first()).toBeVisible();
  await expect(page.getByText(/request was not understood/)).toHaveCount(0);
  await context.close();
});

test('Kontakte: ein Nachname mit 5.000 Zeichen endet bei 80, auf Deutsch erklärt', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await signInContosoAdmin(page, 'de');
  await page.getByRole('tab', { name: 'Kontakte' }).click();
  await page.getByRole('button', { name: 'Neuer Kontakt' }).click();
  const dialog = page.getByRole('dialog', { name: 'Neuer Kontakt' });
  const lastName = dialog.getByRole('textbox', { name: 'Nachname' });
  await lastName.fill(pasted);
  expect((await lastName.inputValue()).length).toBe(80);
  await expect(dialog.getByText('Nachname darf höchstens 80 Zeichen lang sein.')).toBeVisible();
  await snap(page, 'de', '73-nachname-an-der-grenze');
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/Anfrage war nicht verständlich|must be at most/)).toHaveCount(0);
  await context.close();
});

test('Events: a 5,000-character subject stops at 255', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await signInContosoAdmin(page, 'en');
  await page.getByRole('tab', { name: 'Events' }).click();
  await page.getByRole('button', { name: 'New event' }).click();
  const dialog = page.getByRole('dialog', { name: 'New event' });
  const subject = dialog.getByRole('textbox', { name: /^Subject/ });
  await subject.fill(pasted);
  expect((await subject.inputValue()).length).toBe(255);
  await expect(dialog.getByText('Subject can be at most 255 characters long.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/request was not understood/)).toHaveCount(0);
  await context.close();
});
