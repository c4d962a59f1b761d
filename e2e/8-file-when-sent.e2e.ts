import { expect, test, type Page } from '@playwright/test';
import { CUSTOMER, customerIsContactOf, customerTimeline, outlookSends } from './customerMail.js';
import { contosoWithMembers, personBrowsing, signIn, snap } from './helpers.js';
import { actAsOutlookComposing } from './outlookHost.js';

// File when sent (issue 12): writing a message in Outlook, the user marks it in the pane; Outlook sends it with the
// mark in the add-in's custom properties, and the sent copy reaches the customer's timeline. In German the mark is
// taken back.
test.describe.configure({ mode: 'serial' });

const ADMIN = 'admin@contoso.onmicrosoft.com';
const SUBJECT = `Quote ${Date.now().toString(36)}`;

/** What the add-in saved on the draft as its custom properties (the Outlook stand-in keeps them on the page). */
const draftProperties = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { draftProperties: Record<string, string> }).draftProperties);

test.beforeAll(async ({ browser }) => {
  await contosoWithMembers(browser, []);
  await customerIsContactOf(ADMIN);
});

test('a message marked File when sent is filed on the customer once Outlook has sent it', async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await personBrowsing(browser, 'en');
  await actAsOutlookComposing(context, 'en-US');
  await page.goto('/taskpane.html?host=outlook');
  await signIn(page, ADMIN, /^Sign in$/, 'en');
  const filing = page.getByRole('region', { name: 'Filing this e-mail' });
  await filing.getByRole('button', { name: 'File when sent' }).click();
  await expect(filing.getByRole('status')).toHaveText('This e-mail will be filed in Zoho CRM once it is sent.');
  await snap(page, 'en', '85-file-when-sent');
  const addinProperties = await draftProperties(page);
  expect(Object.keys(addinProperties)).toEqual(['crmFiling']);

  await outlookSends(ADMIN, { to: CUSTOMER.address, subject: SUBJECT, text: 'Our quote follows.', addinProperties });
  await expect(async () => expect(await customerTimeline(ADMIN)).toContain(SUBJECT)).toPass({ timeout: 60_000 });
  await context.close();
});

test('in German, the mark is taken back before sending', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await actAsOutlookComposing(context, 'de-DE');
  await page.goto('/taskpane.html?host=outlook');
  await signIn(page, ADMIN, /^Anmelden$/, 'de');
  const filing = page.getByRole('region', { name: 'Ablage dieser E-Mail' });
  await filing.getByRole('button', { name: 'Beim Senden ablegen' }).click();
  await expect(filing.getByRole('status')).toHaveText(
    'Diese E-Mail wird in Zoho CRM abgelegt, sobald sie gesendet ist.',
  );
  await page.setViewportSize({ width: 360, height: 800 });
  await snap(page, 'de', '85-beim-senden-ablegen');
  await filing.getByRole('button', { name: 'Nicht ablegen' }).click();
  await expect(filing.getByRole('button', { name: 'Beim Senden ablegen' })).toBeVisible();
  expect(await draftProperties(page)).toEqual({});
  await context.close();
});
