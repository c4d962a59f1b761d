import { expect, test, type Browser } from '@playwright/test';
import { apiAs, contosoWithMembers, personBrowsing, signIn, snap, tenantInspect, type Language } from './helpers.js';
import { CUSTOMER, CUSTOMER_COLLEAGUE, customerIsContactOf, customerWrites } from './customerMail.js';
import { actAsOutlook } from './outlookHost.js';

// A customer's mail arrives; the user files it from the Outlook pane, finds it on the contact's timeline (pane and
// Contacts) and can take it out again (issue 12).
test.describe.configure({ mode: 'serial' });

const ADMIN = 'admin@contoso.onmicrosoft.com';
// Every run gets its own mail, so a second run in the same data folder finds nothing of the first.
const SUBJECT = `Order ${Date.now().toString(36)}`;

interface InboxMessage {
  id: string;
  subject: string;
  internetMessageId: string;
}

test.beforeAll(async ({ browser }) => {
  await contosoWithMembers(browser, []);
  await customerIsContactOf(ADMIN, true);
  await customerWrites(browser, ADMIN, SUBJECT, 'Hello, please confirm the order.\nGarth', [
    CUSTOMER_COLLEAGUE.address,
  ]);
});

/** The pane in Outlook with the customer's mail open, signed in as the administrator. */
async function paneWithTheMail(browser: Browser, language: Language) {
  const inbox = await tenantInspect<{ value: InboxMessage[] }>(
    `mailboxes/${encodeURIComponent(ADMIN)}/messages?folder=inbox`,
  );
  const message = inbox.value.find((m) => m.subject === SUBJECT)!;
  const { context, page } = await personBrowsing(browser, language);
  await actAsOutlook(
    context,
    {
      subject: SUBJECT,
      from: { displayName: CUSTOMER.name, emailAddress: CUSTOMER.address },
      to: [{ displayName: 'Contoso Admin', emailAddress: ADMIN }],
      cc: [{ displayName: CUSTOMER_COLLEAGUE.name, emailAddress: CUSTOMER_COLLEAGUE.address }],
      // Office.js gives the EWS spelling of the id (docs/graph-behaviour.md#office-item-ids-and-translateexchangeids).
      itemId: message.id.replace(/-/g, '/').replace(/_/g, '+'),
      internetMessageId: message.internetMessageId,
    },
    language === 'de' ? 'de-DE' : 'en-US',
  );
  await page.goto('/taskpane.html?host=outlook');
  await signIn(page, ADMIN, language === 'de' ? /^Anmelden$/ : /^Sign in$/, language);
  return { context, page };
}

test('the user files a customer mail from the pane, sees with whom, and removes it again', async ({ browser }) => {
  const { context, page } = await paneWithTheMail(browser, 'en');
  const filing = page.getByRole('region', { name: 'Filing this e-mail' });
  await filing.getByRole('button', { name: 'File to CRM' }).click();
  const dialog = page.getByRole('dialog', { name: 'File to CRM' });
  const garth = dialog.getByRole('checkbox', { name: `Garth Fort (${CUSTOMER.address})` });
  const pat = dialog.getByRole('checkbox', { name: `Pat Kim (${CUSTOMER_COLLEAGUE.address})` });
  await expect(garth).toBeChecked();
  await expect(pat).toBeChecked();
  await snap(page, 'en', '80-file-email-dialog');
  await garth.uncheck();
  await pat.uncheck();
  await dialog.getByRole('button', { name: 'File', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Tick at least one contact.');
  await garth.check();
  await dialog.getByRole('button', { name: 'File', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(filing.getByText('Filed', { exact: true })).toBeVisible();
  await expect(filing.getByText('Filed with Garth Fort.')).toBeVisible();
  // Later the user puts it on the colleague in Cc as well: the same mail, one more contact.
  await filing.getByRole('button', { name: 'Add contacts' }).click();
  const adding = page.getByRole('dialog', { name: 'Add contacts' });
  await expect(adding.getByRole('checkbox')).toHaveCount(1);
  await expect(adding.getByRole('checkbox', { name: `Pat Kim (${CUSTOMER_COLLEAGUE.address})` })).toBeChecked();
  await adding.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(adding).toHaveCount(0);
  await expect(filing.getByText('Filed with Garth Fort and Pat Kim.')).toBeVisible();
  await expect(filing.getByRole('button', { name: 'Add contacts' })).toHaveCount(0);
  // The sender's card shows it on Garth's timeline; its text opens on click.
  const history = page.getByRole('list', { name: 'History with Garth Fort' });
  await history.getByRole('button', { name: `Read the e-mail: ${SUBJECT}` }).click();
  const text = page.getByRole('dialog', { name: SUBJECT });
  await expect(text.getByText('Hello, please confirm the order.')).toBeVisible();
  await snap(page, 'en', '82-file-email-text');
  await text.getByRole('button', { name: 'Close' }).click();
  await snap(page, 'en', '81-file-email-filed');

  const admin = await apiAs(ADMIN);
  const inbox = await tenantInspect<{ value: InboxMessage[] }>(
    `mailboxes/${encodeURIComponent(ADMIN)}/messages?folder=inbox`,
  );
  const internetMessageId = inbox.value.find((m) => m.subject === SUBJECT)!.internetMessageId;
  const filed = (await (await admin('/api/mails/lookup', 'POST', { internetMessageId, addresses: [] })).json()) as {
    mail: { subject: string; bodyText?: string } | null;
  };
  expect(filed.mail?.subject).toBe(SUBJECT);

  await filing.getByRole('button', { name: 'Remove from CRM' }).click();
  await expect(filing.getByRole('status')).toHaveText('The e-mail was removed from Zoho CRM.');
  await expect(filing.getByRole('button', { name: 'File to CRM' })).toBeVisible();
  await context.close();
});

test('filing in German', async ({ browser }) => {
  const { context, page } = await paneWithTheMail(browser, 'de');
  const filing = page.getByRole('region', { name: 'Ablage dieser E-Mail' });
  await filing.getByRole('button', { name: 'Im CRM ablegen' }).click();
  const dialog = page.getByRole('dialog', { name: 'Im CRM ablegen' });
  await expect(dialog.getByRole('checkbox', { name: `Garth Fort (${CUSTOMER.address})` })).toBeChecked();
  await page.setViewportSize({ width: 360, height: 800 });
  await snap(page, 'de', '80-email-ablegen-dialog');
  await dialog.getByRole('button', { name: 'Ablegen', exact: true }).click();
  await expect(filing.getByText('Abgelegt bei Garth Fort und Pat Kim.')).toBeVisible();
  await expect(filing.getByRole('button', { name: 'Aus dem CRM entfernen' })).toBeVisible();
  await snap(page, 'de', '81-email-abgelegt');

  // In Contacts, Garth's history has the mail too.
  await page.getByRole('tab', { name: 'Kontakte' }).click();
  await page.getByRole('button', { name: 'Verlauf: Garth Fort' }).click();
  const history = page.getByRole('dialog', { name: 'Verlauf mit Garth Fort' });
  await history.getByRole('button', { name: `E-Mail lesen: ${SUBJECT}` }).click();
  await expect(page.getByRole('dialog', { name: SUBJECT }).getByText('Hello, please confirm the order.')).toBeVisible();
  await snap(page, 'de', '82-kontakt-verlauf-email');
  await context.close();
});
