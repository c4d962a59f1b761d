import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CUSTOMER, customerIsContactOf, customerTimeline, customerWrites } from './customerMail.js';
import { apiAs, contosoWithMembers, personBrowsing, signIn, snap, TENANT_URL, type Language } from './helpers.js';

// Automatic filing (issue 12): the user turns it on in Settings > Microsoft; a customer's mail of the last days is
// filed, and a reply sent from the mailbox's web view reaches the customer's timeline within seconds, through the
// change notification and the Sent Items delta. Turned off in German; what was filed stays.
test.describe.configure({ mode: 'serial' });

const ADMIN = 'admin@contoso.onmicrosoft.com';
// Every run gets its own mail, so a second run in the same data folder finds nothing of the first.
const SUBJECT = `Delivery ${Date.now().toString(36)}`;

// Filing by hand (8-file-email) expects its mail unfiled: automatic filing ends off, whatever happened here.
test.afterAll(async () => {
  const admin = await apiAs(ADMIN);
  const status = (await (await admin('/api/sync/mail')).json()) as { enabled: boolean };
  if (status.enabled) await admin('/api/sync/mail/disable', 'POST');
});

test.beforeAll(async ({ browser }) => {
  await contosoWithMembers(browser, []);
  await customerIsContactOf(ADMIN);
  await customerWrites(browser, ADMIN, SUBJECT, 'When can you deliver?\nGarth');
});

async function microsoftSettings(
  browser: Browser,
  language: Language,
): Promise<{ page: Page; context: BrowserContext }> {
  const { context, page } = await personBrowsing(browser, language);
  await page.goto('/');
  await signIn(page, ADMIN, language === 'de' ? /^Anmelden$/ : /^Sign in$/, language);
  await page.getByRole('tab', { name: language === 'de' ? 'Einstellungen' : 'Settings' }).click();
  await page.getByRole('button', { name: 'Microsoft', exact: true }).click();
  return { page, context };
}

test('turned on, it files the customer’s mail, and a reply sent from the mailbox within seconds', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { page, context } = await microsoftSettings(browser, 'en');
  const filing = page.getByRole('region', { name: 'Automatic e-mail filing' });
  await expect(filing.getByText('Mails marked private or confidential', { exact: false })).toBeVisible();
  await filing.getByRole('button', { name: 'Enable' }).click();
  await expect(filing.getByRole('button', { name: 'Disable' })).toBeVisible({ timeout: 20_000 });
  await expect(async () => expect(await customerTimeline(ADMIN)).toContain(SUBJECT)).toPass({ timeout: 20_000 });
  await page.reload();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Microsoft', exact: true }).click();
  await expect(
    page
      .getByRole('region', { name: 'Automatic filing log' })
      .getByRole('cell', { name: 'filed on its CRM contacts' })
      .first(),
  ).toBeVisible();
  await filing.scrollIntoViewIfNeeded();
  await snap(page, 'en', '83-automatic-filing-on');

  // The user answers from their mailbox (the local tenant's web view stands in for Outlook).
  const mailbox = await page.context().newPage();
  await mailbox.goto(`${TENANT_URL}/mail/${encodeURIComponent(ADMIN)}`);
  await mailbox.getByRole('link', { name: SUBJECT }).first().click();
  const reply = mailbox.getByRole('form', { name: `Reply to ${CUSTOMER.address}` });
  await reply.getByLabel('Message').fill('Next Tuesday.');
  const sentAt = Date.now();
  await reply.getByRole('button', { name: 'Send reply' }).click();
  await expect(async () => expect(await customerTimeline(ADMIN)).toContain(`RE: ${SUBJECT}`)).toPass({
    timeout: 15_000,
  });
  const seconds = (Date.now() - sentAt) / 1000;
  console.log(`a sent reply reached the contact's timeline in ${seconds.toFixed(1)} s`);
  expect(seconds).toBeLessThan(15);

  // In Contacts, Garth's history shows the reply, newest first.
  await page.getByRole('tab', { name: 'Contacts' }).click();
  await page.getByRole('button', { name: 'History: Garth Fort' }).click();
  const history = page.getByRole('dialog', { name: 'History with Garth Fort' });
  await expect(history.getByRole('button', { name: `Read the e-mail: RE: ${SUBJECT}` })).toBeVisible();
  await snap(page, 'en', '84-automatic-filing-timeline');
  await context.close();
});

test('turned off in German, it keeps what was filed', async ({ browser }) => {
  const { page, context } = await microsoftSettings(browser, 'de');
  const filing = page.getByRole('region', { name: 'E-Mails automatisch ablegen' });
  await expect(
    page
      .getByRole('region', { name: 'Protokoll des automatischen Ablegens' })
      .getByRole('cell', { name: 'bei den CRM-Kontakten abgelegt' })
      .first(),
  ).toBeVisible();
  await filing.scrollIntoViewIfNeeded();
  await snap(page, 'de', '83-automatisch-ablegen-an');
  await filing.getByRole('button', { name: 'Deaktivieren' }).click();
  await page
    .getByRole('alertdialog', { name: 'Automatisches Ablegen deaktivieren?' })
    .getByRole('button', { name: 'Deaktivieren' })
    .click();
  await expect(filing.getByRole('status').first()).toHaveText(
    'Automatisches Ablegen deaktiviert. Die bisher abgelegten E-Mails bleiben im CRM.',
  );
  await expect(filing.getByRole('button', { name: 'Aktivieren' })).toBeVisible();
  await snap(page, 'de', '84-automatisch-ablegen-aus');
  expect(await customerTimeline(ADMIN)).toContain(`RE: ${SUBJECT}`);
  await context.close();
});
