import { expect, test } from '@playwright/test';
import { personBrowsing, snap, TENANT_URL } from './helpers.js';

// The local tenant's calendar view shows an all-day event on its own date, as Outlook does, in every view zone.
test('an all-day event on 6 December is listed on 6 December, whatever zone the view uses', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  const calendar = `${TENANT_URL}/mail/${encodeURIComponent('lee.gu@contoso.onmicrosoft.com')}/calendar`;
  await page.goto(`${calendar}?tz=${encodeURIComponent('Europe/Berlin')}`);
  const form = page.getByRole('group', { name: /^New event in/ });
  await form.getByLabel('Subject', { exact: true }).fill('Team day');
  await form.getByLabel('Start', { exact: true }).fill('2026-12-06T00:00');
  await form.getByLabel('End', { exact: true }).fill('2026-12-06T00:00');
  await form.getByLabel('All day').check();
  await form.getByRole('button', { name: 'Save' }).click();

  const row = page.getByRole('row').filter({ hasText: 'Team day' });
  await expect(row).toContainText('2026-12-06 (all day)');
  await snap(page, 'en', '75-tenant-all-day', false);
  for (const zone of ['UTC', 'America/Los_Angeles', 'Asia/Tokyo']) {
    await page.goto(`${calendar}?tz=${encodeURIComponent(zone)}`);
    await expect(page.getByRole('row').filter({ hasText: 'Team day' })).toContainText('2026-12-06 (all day)');
  }
  await context.close();
});
