import { expect, test } from '@playwright/test';
import { expectAccessibleWhenNarrow, personBrowsing, signIn, snap } from './helpers.js';

// Someone who cannot install learns what to ask for and gets a message to send (issue 13). Nothing is installed here.

test('a Contoso user before the install gets a message for the administrator to copy or send', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await signIn(page, 'megan.bowen@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await expect(page.getByText(/Global Administrator or Privileged Role Administrator role/)).toBeVisible();
  // Honest about the name: the app cannot read the directory before it is installed.
  await expect(page.getByText(/cannot tell you their name/)).toBeVisible();

  const message = page.getByRole('textbox', { name: 'A message you can send them' });
  await expect(message).toHaveValue(/Install for contoso\.onmicrosoft\.com/);
  await expect(message).toHaveValue(/admin consent/);
  await expect(message).toHaveValue(/Megan Bowen$/);
  await page.getByRole('button', { name: 'Copy message' }).click();
  await expect(page.getByRole('status')).toHaveText(/Copied/);
  const copied = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(copied).toBe(await message.inputValue());
  expect(copied).toContain(new URL(page.url()).origin);

  const email = page.getByRole('link', { name: 'Send by e-mail' });
  const href = decodeURIComponent((await email.getAttribute('href')) ?? '');
  expect(href).toMatch(/^mailto:\?subject=Please install Zoho CRM/);
  expect(href).toContain('Install for contoso.onmicrosoft.com');
  await snap(page, 'en', '93-ask-administrator');
  await expectAccessibleWhenNarrow(page, 'en-not-installed-ask-administrator');
  await context.close();
});

test('the same help in German for a Fabrikam user', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await page.goto('/');
  await signIn(page, 'jonas.weber@fabrikam.onmicrosoft.com', /^Anmelden$/, 'de');
  await expect(page.getByText(/Globaler Administrator/)).toBeVisible();
  const message = page.getByRole('textbox', { name: 'Eine Nachricht, die Sie senden können' });
  await expect(message).toHaveValue(/„Für fabrikam\.onmicrosoft\.com installieren“/);
  await expect(page.getByRole('button', { name: 'Nachricht kopieren' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Per E-Mail senden' })).toBeVisible();
  await snap(page, 'de', '93-administrator-fragen');
  await expectAccessibleWhenNarrow(page, 'de-not-installed-ask-administrator');
  await context.close();
});
