import { expect, test } from '@playwright/test';
import { apiAs, personBrowsing, signIn, snap, tenantInspect, TENANT_URL } from './helpers.js';

// Runs after 4-outlook-pane: the administrator owns the contacts Katja Bauer and Paul Neumann.
test.describe.configure({ mode: 'serial' });

test('contact sync: enable with the Configuration popup, one mapping changed, both directions, disable', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const api = await apiAs('admin@contoso.onmicrosoft.com');
  await api('/api/contacts', 'POST', {
    firstName: 'Ines',
    lastName: 'Hofmann',
    email: 'ines.hofmann@example.com',
    otherCity: 'Leipzig',
  });

  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Microsoft', exact: true }).click();
  const contacts = page.getByRole('region', { name: 'Contacts' });
  await contacts.getByRole('button', { name: 'Enable' }).click();

  const dialog = page.getByRole('dialog', { name: 'Configuration' });
  await expect(dialog.getByRole('combobox', { name: 'First Name' })).toBeVisible();
  // One mapping changed: Other City goes to Outlook's "other" address instead of the home address.
  await dialog.getByRole('combobox', { name: 'Other City' }).selectOption('otherAddress.city');
  await snap(page, 'en', '50-contact-configuration', false);
  await dialog.getByRole('button', { name: 'Save & enable' }).click();
  await expect(contacts.getByRole('button', { name: 'Disable' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 30_000 });
  await snap(page, 'en', '51-contact-sync-on');

  const tenant = await context.newPage();
  await tenant.goto(`${TENANT_URL}/mail/admin%40contoso.onmicrosoft.com/contacts`);
  await tenant.getByRole('link', { name: 'Zoho CRM', exact: true }).click();
  await expect(tenant.getByRole('link', { name: 'Katja Bauer' })).toBeVisible();
  await expect(tenant.getByRole('link', { name: 'Ines Hofmann' })).toBeVisible();
  const folderContacts = (await (await api('/api/sync/contacts')).json()) as { linkedCount: number };
  expect(folderContacts.linkedCount).toBeGreaterThanOrEqual(3);
  await snap(tenant, 'en', '52-tenant-contact-folder');

  await tenant.getByRole('link', { name: 'Katja Bauer' }).click();
  const edit = tenant.getByRole('group', { name: 'Edit contact' });
  await edit.getByLabel('Job title', { exact: true }).fill('Head of Purchasing');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(async () => {
    const { contacts: list } = (await (await api('/api/contacts')).json()) as {
      contacts: { lastName: string; title: string; otherCity: string }[];
    };
    expect(list.find((contact) => contact.lastName === 'Bauer')?.title).toBe('Head of Purchasing');
  }).toPass({ timeout: 15_000 });
  // The changed mapping took effect: Ines's Other City sits in Outlook's otherAddress.
  const saved = (await (await api('/api/sync/contacts/mapping')).json()) as {
    mapping: { crmField: string; graph: { property: string } }[];
  };
  expect(saved.mapping.find((row) => row.crmField === 'otherCity')?.graph.property).toBe('otherAddress.city');
  const folders = await tenantInspect<{ value: { id: string; displayName: string }[] }>(
    'mailboxes/admin%40contoso.onmicrosoft.com/contactFolders',
  );
  const folderId = folders.value.find((folder) => folder.displayName === 'Zoho CRM')!.id;
  const inOutlook = await tenantInspect<{
    value: { surname: string; otherAddress?: { city?: string }; homeAddress?: { city?: string } }[];
  }>(`mailboxes/admin%40contoso.onmicrosoft.com/contactFolders/${folderId}/contacts`);
  const ines = inOutlook.value.find((contact) => contact.surname === 'Hofmann')!;
  expect(ines.otherAddress?.city).toBe('Leipzig');
  expect(ines.homeAddress?.city ?? '').toBe('');

  await contacts.getByRole('button', { name: 'Disable' }).click();
  await page
    .getByRole('alertdialog', { name: 'Disable contact sync?' })
    .getByRole('button', { name: 'Disable' })
    .click();
  await expect(contacts.getByRole('button', { name: 'Enable' })).toBeVisible();
  await snap(page, 'en', '53-contact-sync-off');
  const { contacts: kept } = (await (await api('/api/contacts')).json()) as { contacts: unknown[] };
  expect(kept.length).toBeGreaterThanOrEqual(3);
  await context.close();
});

test('the Configuration popup in German', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await page.goto('/');
  await signIn(page, 'megan.bowen@contoso.onmicrosoft.com', /^Anmelden$/, 'de');
  await page.getByRole('tab', { name: 'Einstellungen' }).click();
  await page.getByRole('button', { name: 'Microsoft', exact: true }).click();
  await page.getByRole('region', { name: 'Kontakte' }).getByRole('button', { name: 'Aktivieren' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Konfiguration' }).getByRole('combobox', { name: 'Vorname', exact: true }),
  ).toBeVisible();
  await snap(page, 'de', '50-kontakte-konfiguration', false);
  await context.close();
});
