import { expect, test } from '@playwright/test';
import { apiAs, personBrowsing, signIn, snap } from './helpers.js';
import { actAsOutlook } from './outlookHost.js';

// Runs after 1-install: Contoso's administrator is a member.
test.describe.configure({ mode: 'serial' });

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const mail = {
  subject: 'Angebot Q1',
  from: { displayName: 'Katja Bauer', emailAddress: 'katja.bauer@fabrikam.example' },
  to: [{ displayName: 'Contoso Admin', emailAddress: 'admin@contoso.onmicrosoft.com' }],
  cc: [{ displayName: 'Paul Neumann', emailAddress: 'paul.neumann@northwind.example' }],
};

test('the Outlook pane shows a known sender from the CRM and offers to add an unknown one', async ({ browser }) => {
  const api = await apiAs('admin@contoso.onmicrosoft.com');
  await api('/api/contacts', 'POST', {
    firstName: 'Katja',
    lastName: 'Bauer',
    email: 'katja.bauer@fabrikam.example',
    accountName: 'Fabrikam',
    title: 'Einkauf',
  });
  await api('/api/events', 'POST', {
    subject: 'Angebotsbesprechung mit Katja',
    start: `${tomorrow}T10:00`,
    end: `${tomorrow}T11:00`,
    timeZone: 'Europe/Berlin',
    attendees: [{ email: 'katja.bauer@fabrikam.example' }],
  });

  const { context, page } = await personBrowsing(browser, 'en');
  await actAsOutlook(context, mail);
  await page.goto('/taskpane.html?host=outlook');
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await expect(page.getByRole('region', { name: 'Katja Bauer, katja.bauer@fabrikam.example' })).toBeVisible();
  await expect(page.getByText('Owner: Contoso Admin').first()).toBeVisible();
  await expect(
    page.getByRole('list', { name: 'Upcoming events with Katja' }).getByText('Angebotsbesprechung mit Katja'),
  ).toBeVisible();
  await snap(page, 'en', '40-outlook-known-sender');

  await page.getByRole('button', { name: /^Add to CRM: Paul Neumann/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByRole('textbox', { name: /^Last Name/ })).toHaveValue('Neumann');
  await expect(dialog.getByRole('textbox', { name: /^Email/ }).first()).toHaveValue('paul.neumann@northwind.example');
  await snap(page, 'en', '41-outlook-add-to-crm');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(
    page
      .getByRole('region', { name: 'Paul Neumann, paul.neumann@northwind.example' })
      .getByText(/Owner: Contoso Admin/),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Add to CRM: Paul Neumann/ })).toHaveCount(0);
  await context.close();
});

test('the Outlook pane in German', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await actAsOutlook(context, mail, 'de-DE');
  await page.goto('/taskpane.html?host=outlook');
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Anmelden$/, 'de');
  await expect(page.getByRole('region', { name: 'Katja Bauer, katja.bauer@fabrikam.example' })).toBeVisible();
  await expect(page.getByText('Besitzer: Contoso Admin').first()).toBeVisible();
  await page.setViewportSize({ width: 360, height: 800 });
  await snap(page, 'de', '40-outlook-bekannter-absender');
  await context.close();
});
