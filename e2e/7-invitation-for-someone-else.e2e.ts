import { expect, test, type Page } from '@playwright/test';
import { apiAs, personBrowsing, signIn, signInContosoAdmin, snap, tenantInspect, type Language } from './helpers.js';

// Someone opens a colleague's invitation link: told at once, before any terms, and shown the way on.
test.describe.configure({ mode: 'serial' });

let invitationUrl = '';

test('the administrator invites Adele by e-mail', async ({ browser }) => {
  {
    const { context, page } = await personBrowsing(browser, 'en');
    await signInContosoAdmin(page, 'en');
    await context.close();
  }
  const admin = await apiAs('admin@contoso.onmicrosoft.com');
  expect((await admin('/api/invitations', 'POST', { email: 'adele.vance@contoso.onmicrosoft.com' })).status).toBe(201);
  const inbox = await tenantInspect<{ value: { body: { content: string } }[] }>(
    `mailboxes/${encodeURIComponent('adele.vance@contoso.onmicrosoft.com')}/messages`,
  );
  const href = /href="([^"]*invitation=[^"]*)"/.exec(inbox.value[0]!.body.content)?.[1];
  expect(href).toBeDefined();
  invitationUrl = href!.replaceAll('&amp;', '&');
});

async function openAdelesLink(page: Page, upn: string, language: Language): Promise<void> {
  await page.goto(invitationUrl);
  await signIn(page, upn, language === 'de' ? /^Anmelden$/ : /^Sign in$/, language);
}

test('Nestor opens Adele’s link and learns at once that it is not his, then requests access', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await openAdelesLink(page, 'nestor.wilke@contoso.onmicrosoft.com', 'en');
  await expect(page.getByRole('heading', { name: 'This invitation link cannot be used' })).toBeVisible();
  await expect(page.getByText(/sent to someone else, not to your e-mail address/)).toBeVisible();
  await expect(page.getByText(/select Request Access/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'I accept the terms and conditions' })).toHaveCount(0);
  await expect(page.getByText('adele.vance')).toHaveCount(0);
  await snap(page, 'en', '72-invitation-for-someone-else');

  await page.getByRole('button', { name: 'Continue without the invitation link' }).click();
  await expect(page.getByRole('button', { name: 'Request Access' })).toBeVisible();
  await context.close();
});

test('Johanna opens it in German and is told in German', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'de');
  await openAdelesLink(page, 'johanna.lorenz@contoso.onmicrosoft.com', 'de');
  await expect(page.getByText(/an eine andere Person gesendet/)).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Ich akzeptiere die Geschäftsbedingungen' })).toHaveCount(0);
  await snap(page, 'de', '72-einladung-fuer-andere-person');
  await context.close();
});

test('Adele opens her own link and is shown the terms to join', async ({ browser }) => {
  const { context, page } = await personBrowsing(browser, 'en');
  await openAdelesLink(page, 'adele.vance@contoso.onmicrosoft.com', 'en');
  await expect(page.getByRole('checkbox', { name: 'I accept the terms and conditions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'This invitation link cannot be used' })).toHaveCount(0);
  await context.close();
});
