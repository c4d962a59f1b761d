import { expect, test, type Page } from '@playwright/test';
import { apiAs, personBrowsing, signIn, snap, tenantKnobs, TENANT_URL } from './helpers.js';

// Runs after 1-install and 2-users: Contoso is installed; Megan is a member.
test.describe.configure({ mode: 'serial' });

const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

async function openMicrosoftSettings(page: Page, de = false): Promise<void> {
  await page.getByRole('tab', { name: de ? 'Einstellungen' : 'Settings' }).click();
  await page.getByRole('button', { name: 'Microsoft', exact: true }).click();
  await expect(page.getByRole('heading', { name: de ? 'Kalender' : 'Calendar' })).toBeVisible();
}

test('calendar sync in the pane: enable with progress, both directions, disable, and the calendar deleted in Outlook', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const api = await apiAs('admin@contoso.onmicrosoft.com');
  // Enough events that the first sync's progress can be seen, with Graph answering in 50 ms as over a real network.
  for (let i = 0; i < 150; i += 1) {
    await api('/api/events', 'POST', {
      subject: `Customer visit ${i}`,
      start: `${tomorrow}T08:00`,
      end: `${tomorrow}T08:30`,
      timeZone: 'Europe/Berlin',
    });
  }
  await tenantKnobs({ latencyMs: 50 });

  const { context, page } = await personBrowsing(browser, 'en');
  await page.goto('/');
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Sign in$/, 'en');

  await page.getByRole('tab', { name: 'Events' }).click();
  await page.getByRole('button', { name: 'New event' }).click();
  const dialog = page.getByRole('dialog', { name: 'New event' });
  await dialog.getByRole('textbox', { name: /^Subject/ }).fill('Quarterly review with Fabrikam');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Quarterly review with Fabrikam').first()).toBeVisible();
  await snap(page, 'en', '30-events', false);

  await openMicrosoftSettings(page);
  await snap(page, 'en', '31-microsoft-sync-off');
  const calendar = page.getByRole('region', { name: 'Calendar' });
  await calendar.getByRole('button', { name: 'Enable' }).click();
  await expect(page.getByRole('progressbar', { name: 'First sync progress' })).toBeVisible({ timeout: 15_000 });
  await snap(page, 'en', '32-first-sync-progress');
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 90_000 });
  await tenantKnobs({ latencyMs: 0 });
  await snap(page, 'en', '33-sync-on');

  const tenant = await context.newPage();
  await tenant.goto(`${TENANT_URL}/mail/admin%40contoso.onmicrosoft.com/calendar`);
  await tenant.getByRole('link', { name: 'Zoho CRM', exact: true }).click();
  await expect(tenant.getByText('Quarterly review with Fabrikam')).toBeVisible();
  const newEvent = tenant.getByRole('group', { name: 'New event' });
  await newEvent.getByLabel('Subject', { exact: true }).fill('Lunch with Megan');
  await newEvent.getByLabel('Start', { exact: true }).fill(`${tomorrow}T12:00`);
  await newEvent.getByLabel('End', { exact: true }).fill(`${tomorrow}T13:00`);
  await newEvent.getByRole('button', { name: 'Save' }).click();
  await expect(tenant.getByText('Lunch with Megan')).toBeVisible();
  await snap(tenant, 'en', '34-tenant-calendar');

  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(page.getByText('Lunch with Megan').first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await snap(page, 'en', '35-event-from-outlook', false);

  await openMicrosoftSettings(page);
  await calendar.getByRole('button', { name: 'Disable' }).click();
  await page
    .getByRole('alertdialog', { name: 'Disable calendar sync?' })
    .getByRole('button', { name: 'Disable' })
    .click();
  await expect(
    page.getByText('Sync turned off. The Zoho CRM calendar was removed from Outlook; your events stay in the CRM.'),
  ).toBeVisible();
  await snap(page, 'en', '36-disabled');

  await calendar.getByRole('button', { name: 'Enable' }).click();
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });
  await tenant.goto(`${TENANT_URL}/mail/admin%40contoso.onmicrosoft.com/calendar`);
  await tenant.getByRole('button', { name: 'Delete calendar Zoho CRM' }).click();
  await expect(
    page.getByText(
      'Sync turned off because the Zoho CRM calendar was deleted in Outlook; your events stay in the CRM.',
    ),
  ).toBeVisible({ timeout: 60_000 });
  await snap(page, 'en', '37-calendar-deleted-in-outlook');

  await page.getByRole('tab', { name: 'Events' }).click();
  await expect(page.getByText('Lunch with Megan').first()).toBeVisible();
  await context.close();
});

test('the Microsoft settings in German', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await page.goto('/');
  await signIn(page, 'megan.bowen@contoso.onmicrosoft.com', /^Anmelden$/, 'de');
  await openMicrosoftSettings(page, true);
  await snap(page, 'de', '31-microsoft-aus');
  const kalender = page.getByRole('region', { name: 'Kalender' });
  await kalender.getByRole('button', { name: 'Aktivieren' }).click();
  await expect(kalender.getByRole('button', { name: 'Deaktivieren' })).toBeVisible({ timeout: 15_000 });
  await snap(page, 'de', '33-synchronisierung-an');
  await page.getByRole('tab', { name: 'Ereignisse' }).click();
  await snap(page, 'de', '30-ereignisse', false);
  await context.close();
});
