import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Browser } from '@playwright/test';
import { apiAs, PASSWORD, personBrowsing, TENANT_URL, trustedFetch } from './helpers.js';

export const CUSTOMER = { name: 'Garth Fort', address: 'garth.fort@northwind.example' };
/** The customer's colleague, in Cc of the customer's mails when asked. */
export const CUSTOMER_COLLEAGUE = { name: 'Pat Kim', address: 'pat.kim@northwind.example' };

/** The customer (and their colleague) as CRM contacts of the user (made once per data folder). */
export async function customerIsContactOf(userPrincipalName: string, withColleague = false): Promise<void> {
  const api = await apiAs(userPrincipalName);
  const people = withColleague ? [CUSTOMER, CUSTOMER_COLLEAGUE] : [CUSTOMER];
  for (const person of people) {
    const known = (await (await api(`/api/contacts/lookup?email=${encodeURIComponent(person.address)}`)).json()) as {
      contact: unknown;
    };
    if (known.contact !== null) continue;
    const [firstName, lastName] = person.name.split(' ');
    expect((await api('/api/contacts', 'POST', { firstName, lastName, email: person.address })).ok).toBe(true);
  }
}

/** The customer writes from outside, through the local tenant's web view, as a person would. */
export async function customerWrites(
  browser: Browser,
  to: string,
  subject: string,
  text: string,
  cc: string[] = [],
): Promise<void> {
  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto(`${TENANT_URL}/mail/external`);
  const form = page.getByRole('form', { name: 'Receive a mail from outside' });
  await form.getByLabel('From (address)').fill(CUSTOMER.address);
  await form.getByLabel('From (name)').fill(CUSTOMER.name);
  await form.getByLabel('To (addresses, comma-separated)').fill(to);
  if (cc.length) await form.getByLabel('Cc').fill(cc.join(', '));
  await form.getByLabel('Subject').fill(subject);
  await form.getByLabel('Message').fill(text);
  await form.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { name: 'External mail' })).toBeVisible();
  await context.close();
}

/**
 * Outlook sends the message the user wrote, with the custom properties the add-in saved on the draft (kept on the
 * item as one JSON property named after the add-in's manifest id, the local package's here): Graph's sendMail with
 * the user's own delegated token.
 */
export async function outlookSends(
  userPrincipalName: string,
  mail: { to: string; subject: string; text: string; addinProperties: Record<string, string> },
): Promise<void> {
  const { DATA_DIR } = await import('./playwright.config.js');
  const { clientSecret } = JSON.parse(readFileSync(join(DATA_DIR, 'secrets.json'), 'utf8')) as { clientSecret: string };
  const tokenResponse = await trustedFetch(`${TENANT_URL}/organizations/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: '3f6c1e2a-9d84-4b7e-a5c3-7e2d9f1b6a08',
      client_secret: clientSecret,
      username: userPrincipalName,
      password: PASSWORD,
      scope: 'https://graph.microsoft.com/Mail.Send',
    }).toString(),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const sent = await trustedFetch(`${TENANT_URL}/v1.0/me/sendMail`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      message: {
        subject: mail.subject,
        body: { contentType: 'Text', content: mail.text },
        toRecipients: [{ emailAddress: { address: mail.to } }],
        singleValueExtendedProperties: [
          {
            id: 'String {00020329-0000-0000-C000-000000000046} Name cecp-8b1d4f6e-2c7a-4e9b-9f3d-5a6c0e2b7d14',
            value: JSON.stringify(mail.addinProperties),
          },
        ],
      },
    }),
  });
  expect(sent.status).toBe(202);
}

/** The subjects on the customer's timeline, as the API gives them to the pane. */
export async function customerTimeline(userPrincipalName: string): Promise<string[]> {
  const api = await apiAs(userPrincipalName);
  const { contact } = (await (
    await api(`/api/contacts/lookup?email=${encodeURIComponent(CUSTOMER.address)}`)
  ).json()) as { contact: { id: string } };
  const page = (await (await api(`/api/contacts/${contact.id}/timeline?limit=50`)).json()) as {
    entries: { subject: string }[];
  };
  return page.entries.map((entry) => entry.subject);
}
