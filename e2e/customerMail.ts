import { expect, type Browser } from '@playwright/test';
import { apiAs, personBrowsing, TENANT_URL } from './helpers.js';

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
