import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import Sqlite from 'better-sqlite3';
import { join } from 'node:path';
import {
  a11yInEveryLook,
  apiAs,
  installFromPopup,
  narrowCheck,
  personBrowsing,
  signIn,
  signInContosoAdmin,
  tenantInspect,
  type Language,
} from './helpers.js';
import { expectVisibleFocus, isFocused, pressUntilFocused } from './keyboard.js';
import { actAsOutlook } from './outlookHost.js';
import { DATA_DIR } from './playwright.config.js';

// Every screen and dialog a person reaches, before and after joining, scanned by axe-core in light, dark and high
// contrast and laid out at 320 and 360 px (screenshots under e2e/screenshots/narrow/), in English and in German.
// The story is Fabrikam's, which no later file touches: in the ordered run 1-install has installed it; alone, this
// file installs it. Jonas Weber and Lena Schmidt meet the screens before membership; no other file uses them.
test.describe.configure({ mode: 'serial' });

const FABRIKAM_ADMIN = 'admin@fabrikam.onmicrosoft.com';
const JONAS = 'jonas.weber@fabrikam.onmicrosoft.com';
const LENA = 'lena.schmidt@fabrikam.onmicrosoft.com';
const SERIES = 'Quartalsplanung';
const REFUSED_EVENT = 'Mondbasis Olympus';
const CONTACT = { firstName: 'Ingrid', lastName: 'Halvorsen', email: 'ingrid.halvorsen@fjord-logistics.example' };

/** What one test found; it fails on either list at its end, after naming every finding. */
class Findings {
  readonly a11y: string[] = [];
  readonly narrow: string[] = [];

  /**
   * axe in the three looks, then the narrow widths: the screen as it is now, open dialogs included. Loading
   * spinners (named progressbars) are waited out first, so a scan sees a settled screen.
   */
  async check(page: Page, name: string): Promise<void> {
    await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 20_000 });
    this.a11y.push(...(await a11yInEveryLook(page, name)));
    this.narrow.push(...(await narrowCheck(page, name)));
  }

  expectNone(): void {
    console.log(`axe findings:\n${this.a11y.join('\n') || 'none'}`);
    console.log(`narrow overflow:\n${this.narrow.join('\n') || 'none'}`);
    expect.soft(this.a11y, 'serious or critical axe findings').toEqual([]);
    expect(this.narrow, 'elements past the right edge at 320/360 px').toEqual([]);
  }
}

const LABELS = {
  en: {
    signIn: /^Sign in$/,
    install: /^Install for/,
    terms: 'I accept the terms and conditions',
    continue: 'Continue',
    welcome: 'Welcome, Fabrikam Admin',
    home: 'Home',
    events: 'Events',
    contacts: 'Contacts',
    settings: 'Settings',
    newEvent: 'New event',
    importCsv: 'Import CSV',
    occurrences: 'Occurrences',
    occurrencesOf: `Occurrences of ${SERIES}`,
    editOccurrence: /^Edit this occurrence/,
    occurrenceDialog: 'Edit this occurrence',
    close: 'Close',
    editContactDialog: 'Edit contact',
    newContact: 'New contact',
    editContact: `Edit ${CONTACT.firstName} ${CONTACT.lastName}`,
    microsoft: 'Microsoft',
    calendar: 'Calendar',
    enable: 'Enable',
    configuration: 'Configuration',
    users: 'Users',
    office365: 'Office 365 Users',
    addUsers: 'Add Users',
    newUser: 'New User',
    editAdmin: 'Edit Fabrikam Admin',
    addToCrm: /^Add to CRM: /,
    setAside: 'Set-aside events',
  },
  de: {
    signIn: /^Anmelden$/,
    install: /installieren$/,
    terms: 'Ich akzeptiere die Geschäftsbedingungen',
    continue: 'Weiter',
    welcome: 'Willkommen, Fabrikam Admin',
    home: 'Start',
    events: 'Ereignisse',
    contacts: 'Kontakte',
    settings: 'Einstellungen',
    newEvent: 'Neues Ereignis',
    importCsv: 'CSV importieren',
    occurrences: 'Termine der Serie',
    occurrencesOf: `Termine der Serie ${SERIES}`,
    editOccurrence: /^Diesen Termin bearbeiten/,
    occurrenceDialog: 'Diesen Termin bearbeiten',
    close: 'Schließen',
    editContactDialog: 'Kontakt bearbeiten',
    newContact: 'Neuer Kontakt',
    editContact: `${CONTACT.firstName} ${CONTACT.lastName} bearbeiten`,
    microsoft: 'Microsoft',
    calendar: 'Kalender',
    enable: 'Aktivieren',
    configuration: 'Konfiguration',
    users: 'Benutzer',
    office365: 'Office 365-Benutzer',
    addUsers: 'Benutzer hinzufügen',
    newUser: 'Neuer Benutzer',
    editAdmin: 'Fabrikam Admin bearbeiten',
    addToCrm: /^Zum CRM hinzufügen: /,
    setAside: 'Zurückgestellte Ereignisse',
  },
} as const;

async function openDialog(page: Page, button: Locator, dialogName: string | RegExp): Promise<Locator> {
  await button.click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function closeDialog(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
}

/** Signs `upn` in on a fresh page in `language`, at the start or at `url`. */
async function arrive(browser: Browser, upn: string, language: Language, url = '/') {
  const person = await personBrowsing(browser, language);
  await person.page.goto(url);
  await signIn(person.page, upn, LABELS[language].signIn, language);
  return person;
}

test('before membership: sign-in, install, request, decline, invitation (own and someone else’s), deactivated', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const found = new Findings();
  const de = LABELS.de;

  const admin = await personBrowsing(browser, 'de');
  await admin.page.goto('/');
  await expect(admin.page.getByRole('heading', { name: 'Bei Zoho CRM anmelden' })).toBeVisible();
  await found.check(admin.page, 'de-sign-in');
  await signIn(admin.page, FABRIKAM_ADMIN, de.signIn, 'de');
  const install = admin.page.getByRole('button', { name: de.install });
  const home = admin.page.getByRole('heading', { name: de.welcome });
  await expect(install.or(home)).toBeVisible({ timeout: 15_000 });
  // Alone, this file meets Fabrikam before its install; in the ordered run 1-install has installed it already.
  if (await install.isVisible()) {
    await found.check(admin.page, 'de-not-installed-admin');
    await installFromPopup(admin.page, de.install, 'de', '70');
    await expect(admin.page.getByRole('heading', { name: 'Willkommen bei Zoho CRM' })).toBeVisible({ timeout: 15_000 });
    await found.check(admin.page, 'de-first-visit-terms');
    await admin.page.getByRole('checkbox', { name: de.terms }).check();
    await admin.page.getByRole('button', { name: de.continue }).click();
  }
  await expect(home).toBeVisible();
  await admin.context.close();
  const adminApi = await apiAs(FABRIKAM_ADMIN);

  // Jonas asks to join; his request is declined.
  const jonas = await arrive(browser, JONAS, 'de');
  await expect(jonas.page.getByRole('button', { name: 'Aufnahme beantragen' })).toBeVisible();
  await found.check(jonas.page, 'de-no-access');
  await jonas.page.getByRole('button', { name: 'Aufnahme beantragen' }).click();
  await expect(jonas.page.getByRole('heading', { name: 'Ihre Anfrage wartet auf Genehmigung' })).toBeVisible();
  await found.check(jonas.page, 'de-request-pending');
  const overview = (await (await adminApi('/api/users')).json()) as { accessRequests: { id: string; email: string }[] };
  const request = overview.accessRequests.find((open) => open.email === JONAS);
  expect(request, 'Jonas’ open request').toBeDefined();
  expect((await adminApi(`/api/access-requests/${request!.id}/decline`, 'POST')).status).toBe(200);
  await jonas.page.reload();
  await expect(jonas.page.getByRole('heading', { name: 'Ihre Anfrage wurde abgelehnt' })).toBeVisible();
  await found.check(jonas.page, 'de-request-declined');

  // Lena is invited; Jonas opens her link, then Lena herself.
  expect((await adminApi('/api/invitations', 'POST', { email: LENA })).status).toBe(201);
  const inbox = await tenantInspect<{ value: { body: { content: string } }[] }>(
    `mailboxes/${encodeURIComponent(LENA)}/messages`,
  );
  const invitationUrl = /href="([^"]*invitation=[^"]*)"/
    .exec(inbox.value[0]!.body.content)![1]!
    .replaceAll('&amp;', '&');
  await jonas.context.close();
  const stranger = await arrive(browser, JONAS, 'de', invitationUrl);
  await expect(stranger.page.getByText(/an eine andere Person gesendet/)).toBeVisible();
  await found.check(stranger.page, 'de-invitation-for-someone-else');
  await stranger.context.close();

  const lena = await arrive(browser, LENA, 'en', invitationUrl);
  await expect(lena.page.getByRole('checkbox', { name: LABELS.en.terms })).toBeVisible();
  await found.check(lena.page, 'en-invited');
  await lena.page.getByRole('checkbox', { name: LABELS.en.terms }).check();
  await lena.page.getByRole('button', { name: LABELS.en.continue }).click();
  await expect(lena.page.getByRole('heading', { name: 'Welcome, Lena Schmidt' })).toBeVisible();

  // Lena is deactivated (and stays so: the member walk below shows her row as deactivated).
  const users = (await (await adminApi('/api/users')).json()) as { users: { id: string; email: string }[] };
  const lenaUser = users.users.find((user) => user.email === LENA)!;
  expect((await adminApi(`/api/users/${lenaUser.id}/deactivate`, 'POST')).status).toBe(200);
  await lena.page.reload();
  await expect(lena.page.getByRole('heading', { name: 'Your CRM user is deactivated' })).toBeVisible();
  await found.check(lena.page, 'en-deactivated');
  await lena.context.close();

  found.expectNone();
});

type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * Fabrikam's administrator syncs the calendar with one CRM event Microsoft 365 refuses, so the Microsoft screen
 * lists it as set aside (made once per run). The refused row is one an older release could have stored: a time zone
 * Microsoft 365 does not know. Each change in the CRM starts a run, and each run tries the event once more.
 */
async function withOneEventSetAside(api: Api): Promise<void> {
  const setAside = async () =>
    ((await (await api('/api/sync/calendar/set-aside')).json()) as { items: { subject: string }[] }).items;
  if ((await setAside()).length > 0) return;
  const day = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
  const made = await api('/api/events', 'POST', {
    subject: REFUSED_EVENT,
    start: `${day}T09:00`,
    end: `${day}T10:00`,
    timeZone: 'Europe/Berlin',
  });
  const { id } = (await made.json()) as { id: string };
  expect(made.status).toBe(201);
  const database = new Sqlite(join(DATA_DIR, 'crm.sqlite'));
  database.pragma('busy_timeout = 5000');
  expect(database.prepare('update events set time_zone = ? where id = ?').run('Mars/Olympus_Mons', id).changes).toBe(1);
  database.close();

  expect((await api('/api/sync/calendar/enable', 'POST')).status).toBe(200);
  let nudges = 0;
  await expect(async () => {
    nudges += 1;
    const nudge = await api('/api/events', 'POST', {
      subject: `Abstimmung ${nudges}`,
      start: `${day}T11:00`,
      end: `${day}T11:30`,
      timeZone: 'Europe/Berlin',
    });
    expect(nudge.status).toBe(201);
    expect((await setAside()).map((item) => item.subject)).toEqual([REFUSED_EVENT]);
  }).toPass({ intervals: [3_000], timeout: 90_000 });
}

/** The member's screens and the dialogs they open, as Fabrikam's administrator sees them in `language`. */
async function walkAsMember(browser: Browser, language: Language): Promise<void> {
  const l = LABELS[language];
  const found = new Findings();
  const api = await apiAs(FABRIKAM_ADMIN);
  // What the dialogs need: a series for Occurrences, a contact to edit, an open invitation (made once per run).
  const listed = (await (await api('/api/events?view=upcoming')).json()) as { events: { subject: string }[] };
  if (!listed.events.some((event) => event.subject === SERIES)) {
    const start = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const series = {
      subject: SERIES,
      start: `${start}T09:00`,
      end: `${start}T10:00`,
      timeZone: 'Europe/Berlin',
      recurrence: {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'noEnd', startDate: start },
      },
    };
    const made = await api('/api/events', 'POST', series);
    expect(made.status, await made.text()).toBe(201);
    expect((await api('/api/contacts', 'POST', CONTACT)).status).toBe(201);
    expect((await api('/api/invitations', 'POST', { email: 'sven.aalto@fjord-logistics.example' })).status).toBe(201);
  }
  await withOneEventSetAside(api);

  const { context, page } = await arrive(browser, FABRIKAM_ADMIN, language);
  await expect(page.getByRole('heading', { name: l.welcome })).toBeVisible({ timeout: 15_000 });
  const tag = (name: string) => `${language}-${name}`;
  await found.check(page, tag('home'));

  await page.getByRole('tab', { name: l.events }).click();
  await expect(page.getByRole('button', { name: l.occurrencesOf })).toBeVisible();
  await found.check(page, tag('events'));
  await openDialog(page, page.getByRole('button', { name: l.newEvent }), l.newEvent);
  await found.check(page, tag('event-dialog'));
  await closeDialog(page);
  await openDialog(page, page.getByRole('button', { name: l.importCsv }), l.importCsv);
  await found.check(page, tag('events-import-dialog'));
  await closeDialog(page);
  const occurrences = await openDialog(page, page.getByRole('button', { name: l.occurrencesOf }), l.occurrences);
  await expect(occurrences.getByRole('listitem').first()).toBeVisible();
  await found.check(page, tag('occurrences-dialog'));
  await occurrences.getByRole('button', { name: l.editOccurrence }).first().click();
  // The Occurrences dialog beneath is hidden from assistive technology while this one is open.
  await expect(page.getByRole('dialog', { name: l.occurrenceDialog })).toBeVisible();
  await found.check(page, tag('occurrence-edit-dialog'));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: l.occurrences })).toBeVisible();
  await expect(occurrences.getByRole('button', { name: l.editOccurrence }).first()).toBeFocused();
  await occurrences.getByRole('button', { name: l.close, exact: true }).last().click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('tab', { name: l.contacts }).click();
  await expect(page.getByRole('button', { name: l.editContact })).toBeVisible();
  await found.check(page, tag('contacts'));
  await openDialog(page, page.getByRole('button', { name: l.newContact }), l.newContact);
  await found.check(page, tag('contact-dialog'));
  await closeDialog(page);
  await openDialog(page, page.getByRole('button', { name: l.editContact }), l.editContactDialog);
  await found.check(page, tag('contact-edit-dialog'));
  await closeDialog(page);
  await openDialog(page, page.getByRole('button', { name: l.importCsv }), l.importCsv);
  await found.check(page, tag('contacts-import-dialog'));
  await closeDialog(page);

  await page.getByRole('tab', { name: l.settings }).click();
  await expect(page.getByRole('button', { name: l.microsoft, exact: true })).toBeVisible();
  await found.check(page, tag('settings'));

  await page.getByRole('button', { name: l.users, exact: true }).click();
  await expect(page.getByRole('button', { name: l.office365 })).toBeVisible();
  await expect(page.getByText('sven.aalto@fjord-logistics.example')).toBeVisible();
  await found.check(page, tag('users-and-invitations'));
  const addUsers = await openDialog(page, page.getByRole('button', { name: l.office365 }), l.addUsers);
  await expect(addUsers.getByRole('checkbox').first()).toBeVisible();
  await found.check(page, tag('add-users-dialog'));
  await closeDialog(page);
  await openDialog(page, page.getByRole('button', { name: l.newUser }), l.newUser);
  await found.check(page, tag('new-user-dialog'));
  await closeDialog(page);
  await openDialog(page, page.getByRole('button', { name: l.editAdmin }), l.editAdmin);
  await found.check(page, tag('edit-user-dialog'));
  await closeDialog(page);

  await page.getByRole('tab', { name: l.settings }).click();
  await page.getByRole('button', { name: l.microsoft, exact: true }).click();
  await expect(page.getByRole('heading', { name: l.calendar })).toBeVisible();
  await expect(page.getByRole('list', { name: l.setAside }).getByText(REFUSED_EVENT)).toBeVisible();
  await found.check(page, tag('microsoft'));
  await page.getByRole('region', { name: l.contacts }).getByRole('button', { name: l.enable }).click();
  await expect(page.getByRole('dialog', { name: l.configuration }).getByRole('combobox').first()).toBeVisible();
  await found.check(page, tag('contact-sync-configuration-dialog'));
  await closeDialog(page);
  await context.close();

  // The Outlook pane with a mail from a sender no file adds to the CRM, so it offers Add to CRM.
  const outlook = await personBrowsing(browser, language);
  await actAsOutlook(
    outlook.context,
    {
      subject: 'Angebot Q1',
      from: { displayName: 'Oskar Quellmann', emailAddress: 'oskar.quellmann@northwind-traders.example' },
      to: [{ displayName: 'Fabrikam Admin', emailAddress: FABRIKAM_ADMIN }],
      cc: [],
    },
    language === 'de' ? 'de-DE' : 'en-US',
  );
  await outlook.page.setViewportSize({ width: 360, height: 720 });
  await outlook.page.goto('/taskpane.html?host=outlook');
  await signIn(outlook.page, FABRIKAM_ADMIN, l.signIn, language);
  await expect(outlook.page.getByRole('button', { name: l.addToCrm })).toBeVisible();
  await found.check(outlook.page, tag('outlook-this-email'));
  await outlook.context.close();

  found.expectNone();
}

test('a member’s screens and dialogs, and the Outlook pane, in English', async ({ browser }) => {
  // Some 20 screens, each scanned in three looks and shot at two widths: minutes on a busy 2-core machine.
  test.setTimeout(900_000);
  await walkAsMember(browser, 'en');
});

test('a member’s screens and dialogs, and the Outlook pane, in German', async ({ browser }) => {
  test.setTimeout(900_000);
  await walkAsMember(browser, 'de');
});

test('enabling and disabling calendar sync with the keyboard alone: visible focus, Escape returns to the opener', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  {
    // Alone, this file installs Contoso here.
    const { context, page } = await personBrowsing(browser, 'en');
    await signInContosoAdmin(page, 'en');
    await context.close();
  }
  // In the whole run the calendar sync may be on from an earlier file; this test starts from Enable.
  const admin = await apiAs('admin@contoso.onmicrosoft.com');
  expect((await admin('/api/sync/calendar/disable', 'POST')).status).toBeLessThan(500);
  const { context, page } = await personBrowsing(browser, 'en');
  await signInContosoAdmin(page, 'en');

  await pressUntilFocused(page, page.getByRole('button', { name: 'Calendar sync settings' }));
  await page.keyboard.press('Enter');
  const calendar = page.getByRole('region', { name: 'Calendar' });
  await expect(calendar.getByRole('button', { name: 'Enable' })).toBeVisible();

  await pressUntilFocused(page, calendar.getByRole('button', { name: 'Enable' }));
  await page.keyboard.press('Enter');
  const disable = calendar.getByRole('button', { name: 'Disable' });
  await expect(disable).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0, { timeout: 60_000 });

  // The confirmation opens from the keyboard, Escape closes it and the focus is back on Disable.
  if (!(await isFocused(disable))) await pressUntilFocused(page, disable);
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Disable calendar sync?' });
  await expect(confirm).toBeVisible();
  await expectVisibleFocus(page);
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(disable).toBeFocused();
  await expectVisibleFocus(page);

  // …and confirming by keyboard turns sync off.
  await page.keyboard.press('Enter');
  await expect(confirm).toBeVisible();
  const confirmButton = confirm.getByRole('button', { name: 'Disable' });
  for (let presses = 0; presses < 5 && !(await isFocused(confirmButton)); presses++) await page.keyboard.press('Tab');
  await expect(confirmButton).toBeFocused();
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(calendar.getByRole('button', { name: 'Enable' })).toBeVisible({ timeout: 20_000 });
  await context.close();
});
