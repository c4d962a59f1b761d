import { expect, test, type Page } from '@playwright/test';
import { apiAs, personBrowsing, signIn, snap, tenantInspect, TENANT_URL } from './helpers.js';

// Runs after 1-install (the Contoso administrator is a member); on its own: `playwright test 1-install 6-series`.
test.describe.configure({ mode: 'serial' });

const ZONE = 'Europe/Berlin';
/** 'YYYY-MM-DD' in Berlin, `days` after today. */
function berlinDay(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
  const [y, m, d] = today.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
const taskPane = { viewport: { width: 360, height: 800 }, timezoneId: ZONE };

interface ApiEvent {
  id: string;
  subject: string;
  exceptions: { date: string; cancelled?: true; location?: string; start?: string; end?: string }[];
}
interface TenantEvent {
  subject: string;
  type: string;
  exceptionKeys: string[];
  cancelledOccurrences: string[];
}

/** New event with Repeat, in the events view; the dialog is left open for the caller to save. */
async function fillSeries(
  page: Page,
  labels: {
    newEvent: string;
    subject: string;
    start: string;
    end: string;
    location: string;
    repeat: string;
    ends: string;
    count: string;
  },
  values: {
    subject: string;
    start: string;
    end: string;
    location: string;
    repeat: string;
    ends: string;
    count?: string;
  },
) {
  await page.getByRole('button', { name: labels.newEvent }).click();
  const dialog = page.getByRole('dialog', { name: labels.newEvent });
  await dialog.getByRole('textbox', { name: new RegExp(`^${labels.subject}`) }).fill(values.subject);
  await dialog.getByLabel(new RegExp(`^${labels.start}`)).fill(values.start);
  await dialog.getByLabel(new RegExp(`^${labels.end}`)).fill(values.end);
  await dialog.getByRole('textbox', { name: labels.location }).fill(values.location);
  await dialog.getByRole('combobox', { name: labels.repeat }).selectOption(values.repeat);
  await dialog.getByRole('combobox', { name: labels.ends }).selectOption(values.ends);
  if (values.count !== undefined)
    await dialog.getByRole('spinbutton', { name: new RegExp(`^${labels.count}`) }).fill(values.count);
  return dialog;
}

test('a weekly series: one occurrence cancelled and one changed in Occurrences, shown in Outlook’s instances', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const api = await apiAs('admin@contoso.onmicrosoft.com');
  // Calendar sync on first, so the series and then its exceptions travel to Outlook as a user makes them.
  const sync = (await (await api('/api/sync/calendar')).json()) as { enabled: boolean };
  if (!sync.enabled) expect((await api('/api/sync/calendar/enable', 'POST')).status).toBe(200);
  await expect(async () => {
    const status = (await (await api('/api/sync/calendar')).json()) as { stage: string | null; status: string };
    expect([status.status, status.stage]).toEqual(['active', 'incremental']);
  }).toPass({ timeout: 60_000 });

  const days = [0, 7, 14, 21, 28, 35].map((offset) => berlinDay(1 + offset));
  const { context, page } = await personBrowsing(browser, 'en', taskPane);
  await page.goto('/');
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Sign in$/, 'en');
  await page.getByRole('tab', { name: 'Events' }).click();

  const labels = {
    newEvent: 'New event',
    subject: 'Subject',
    start: 'Start',
    end: 'End',
    location: 'Location',
    repeat: 'Repeat',
    ends: 'Ends',
    count: 'Number of times',
  };
  const dialog = await fillSeries(page, labels, {
    subject: 'Weekly pipeline review',
    start: `${days[0]}T09:00`,
    end: `${days[0]}T09:30`,
    location: 'Elbe room',
    repeat: 'weekly',
    ends: 'count',
    count: '6',
  });
  await snap(page, 'en', '60-series-new', false);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/^Every week on \w+day, 6 times$/).first()).toBeVisible();

  await page.getByRole('button', { name: 'Occurrences of Weekly pipeline review' }).click();
  const occurrences = page.getByRole('dialog', { name: 'Occurrences' });
  const rows = occurrences.getByRole('list', { name: 'Occurrences of Weekly pipeline review' }).getByRole('listitem');
  await expect(rows).toHaveCount(6);
  await expect(occurrences.getByText('No further occurrences.')).toBeVisible();
  await snap(page, 'en', '61-occurrences', false);

  // Cancel the second occurrence, after a confirmation.
  await rows
    .nth(1)
    .getByRole('button', { name: /^Cancel this occurrence/ })
    .click();
  const confirm = page.getByRole('alertdialog', { name: 'Cancel this occurrence?' });
  await expect(confirm).toContainText('This cannot be undone.');
  await snap(page, 'en', '62-occurrence-cancel', false);
  await confirm.getByRole('button', { name: 'Cancel occurrence' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(rows.nth(1).getByText('Cancelled')).toBeVisible();
  await expect(rows.nth(1).getByRole('button')).toHaveCount(0);

  // Change the third: another room, in the afternoon. Moving it onto the next one's day is refused first.
  await rows
    .nth(2)
    .getByRole('button', { name: /^Edit this occurrence/ })
    .click();
  const edit = page.getByRole('dialog', { name: 'Edit this occurrence' });
  await expect(edit.getByRole('textbox', { name: /^Subject/ })).toHaveValue('Weekly pipeline review');
  await edit.getByLabel(/^Start/).fill(`${days[3]}T14:00`);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(
    edit.getByText('An occurrence cannot move onto or past the day of the occurrence before or after it.'),
  ).toBeVisible();
  await snap(page, 'en', '63-occurrence-neighbour', false);
  await edit.getByLabel(/^Start/).fill(`${days[2]}T14:00`);
  await expect(edit.getByLabel(/^End/)).toHaveValue(`${days[2]}T14:30`);
  await edit.getByRole('textbox', { name: 'Location' }).fill('Alster room');
  await snap(page, 'en', '64-occurrence-edit', false);
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(rows.nth(2).getByText('Changed')).toBeVisible();
  await expect(rows.nth(2).getByText('14:00–14:30')).toBeVisible();
  await expect(rows.nth(2).getByText('Alster room')).toBeVisible();
  await expect(occurrences.getByRole('status')).toContainText('was saved.');
  await snap(page, 'en', '65-occurrences-changed', false);

  // The service's refusal in its own words: the fourth is cancelled elsewhere while its Edit is open.
  const series = ((await (await api('/api/events')).json()) as { events: ApiEvent[] }).events.find(
    (event) => event.subject === 'Weekly pipeline review',
  )!;
  await rows
    .nth(3)
    .getByRole('button', { name: /^Edit this occurrence/ })
    .click();
  expect((await api(`/api/events/${series.id}/occurrences/${days[3]}`, 'DELETE')).status).toBe(200);
  await edit.getByRole('textbox', { name: 'Location' }).fill('Room 7');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('alert')).toHaveText('This event has no occurrence on that day, or it was cancelled.');
  await snap(page, 'en', '66-occurrence-service-error', false);
  await edit.getByRole('button', { name: 'Cancel' }).click();
  // The list behind was read again: it now knows the occurrence is cancelled.
  await expect(rows.nth(3).getByText('Cancelled')).toBeVisible();

  const after = ((await (await api('/api/events')).json()) as { events: ApiEvent[] }).events.find(
    (event) => event.id === series.id,
  )!;
  expect(after.exceptions).toEqual([
    { date: days[1], cancelled: true },
    { date: days[2], location: 'Alster room', start: `${days[2]}T14:00:00`, end: `${days[2]}T14:30:00` },
    { date: days[3], cancelled: true },
  ]);

  // Outlook's series: the two cancelled instances are gone, the changed one is an exception.
  const key = (date: string) => date.replaceAll('-', '');
  const calendars = await tenantInspect<{ value: { id: string; name: string }[] }>(
    'mailboxes/admin%40contoso.onmicrosoft.com/calendars',
  );
  const calendarId = calendars.value.find((calendar) => calendar.name === 'Zoho CRM')!.id;
  await expect(async () => {
    const { value } = await tenantInspect<{ value: TenantEvent[] }>(
      `mailboxes/admin%40contoso.onmicrosoft.com/calendars/${calendarId}/events`,
    );
    const master = value.find((event) => event.subject === 'Weekly pipeline review');
    expect(master?.type).toBe('seriesMaster');
    expect([...master!.cancelledOccurrences].sort()).toEqual([key(days[1]!), key(days[3]!)]);
    expect(master!.exceptionKeys).toEqual([key(days[2]!)]);
  }).toPass({ timeout: 20_000 });
  const tenant = await context.newPage();
  await tenant.setViewportSize({ width: 1100, height: 800 });
  await tenant.goto(
    `${TENANT_URL}/mail/admin%40contoso.onmicrosoft.com/calendar?calendar=${encodeURIComponent(calendarId)}&tz=${ZONE}`,
  );
  await expect(tenant.getByRole('row', { name: /Weekly pipeline review/ })).toContainText('1 changed, 2 cancelled');
  await snap(tenant, 'en', '67-tenant-series');
  await tenant.close();

  // The same view in the dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(rows).toHaveCount(6);
  await snap(page, 'en', '68-occurrences-dark', false);
  await page.emulateMedia({ colorScheme: 'light' });

  // Moving the whole series would undo its exceptions (as in Outlook): Edit says so before saving.
  await occurrences.getByRole('button', { name: 'Close', exact: true }).last().click();
  await page.getByRole('button', { name: 'Edit Weekly pipeline review' }).click();
  const editSeries = page.getByRole('dialog', { name: 'Edit event' });
  await expect(editSeries.getByRole('combobox', { name: 'Repeat' })).toHaveValue('weekly');
  await expect(editSeries.getByText(/changes and cancellations of its single occurrences are undone/)).toHaveCount(0);
  await editSeries.getByLabel(/^Start/).fill(`${days[0]}T10:00`);
  await expect(editSeries.getByText(/changes and cancellations of its single occurrences are undone/)).toBeVisible();
  await snap(page, 'en', '69-series-edit-warning', false);
  await editSeries.getByRole('button', { name: 'Cancel' }).click();
  await context.close();
});

test('Termine der Serie in German: an open series, Show more, one cancelled and one changed', async ({ browser }) => {
  test.setTimeout(90_000);
  const start = berlinDay(2);
  const { context, page } = await personBrowsing(browser, 'de', taskPane);
  await page.goto('/');
  await signIn(page, 'admin@contoso.onmicrosoft.com', /^Anmelden$/, 'de');
  await page.getByRole('tab', { name: 'Ereignisse' }).click();

  const labels = {
    newEvent: 'Neues Ereignis',
    subject: 'Betreff',
    start: 'Beginn',
    end: 'Ende',
    location: 'Ort',
    repeat: 'Wiederholen',
    ends: 'Endet',
    count: 'Anzahl der Termine',
  };
  const dialog = await fillSeries(page, labels, {
    subject: 'Wöchentliche Vertriebsrunde',
    start: `${start}T11:00`,
    end: `${start}T12:00`,
    location: 'Raum Elbe',
    repeat: 'weekly',
    ends: 'never',
  });
  await snap(page, 'de', '60-serie-neu', false);
  await dialog.getByRole('button', { name: 'Speichern' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByText(/^Jede Woche am \w+$/).first()).toBeVisible();
  await snap(page, 'de', '60-ereignisse-mit-serie', false);

  await page.getByRole('button', { name: 'Termine der Serie Wöchentliche Vertriebsrunde' }).click();
  const occurrences = page.getByRole('dialog', { name: 'Termine der Serie' });
  const rows = occurrences
    .getByRole('list', { name: 'Termine der Serie Wöchentliche Vertriebsrunde' })
    .getByRole('listitem');
  await expect(rows).toHaveCount(20);
  await occurrences.getByRole('button', { name: 'Mehr anzeigen' }).click();
  await expect(rows).toHaveCount(40);

  await rows
    .nth(0)
    .getByRole('button', { name: /^Diesen Termin absagen/ })
    .click();
  const confirm = page.getByRole('alertdialog', { name: 'Diesen Termin absagen?' });
  await snap(page, 'de', '62-termin-absagen', false);
  await confirm.getByRole('button', { name: 'Termin absagen' }).click();
  await expect(rows.nth(0).getByText('Abgesagt')).toBeVisible();

  await rows
    .nth(1)
    .getByRole('button', { name: /^Diesen Termin bearbeiten/ })
    .click();
  const edit = page.getByRole('dialog', { name: 'Diesen Termin bearbeiten' });
  await edit.getByRole('textbox', { name: /^Betreff/ }).fill('Vertriebsrunde mit dem Vorstand');
  await edit.getByRole('textbox', { name: 'Ort' }).fill('Raum Alster');
  await snap(page, 'de', '64-termin-bearbeiten', false);
  await edit.getByRole('button', { name: 'Speichern' }).click();
  await expect(edit).toHaveCount(0);
  await expect(rows.nth(1).getByText('Geändert')).toBeVisible();
  await expect(rows.nth(1).getByText('Raum Alster')).toBeVisible();
  await occurrences.getByRole('button', { name: 'Schließen', exact: true }).last().click();
  await page.getByRole('button', { name: 'Termine der Serie Wöchentliche Vertriebsrunde' }).click();
  await expect(rows.nth(1).getByText('Geändert')).toBeVisible();
  await snap(page, 'de', '65-termine-der-serie', false);
  await page.emulateMedia({ colorScheme: 'dark' });
  await snap(page, 'de', '68-termine-dunkel', false);

  const api = await apiAs('admin@contoso.onmicrosoft.com');
  const series = ((await (await api('/api/events')).json()) as { events: ApiEvent[] }).events.find(
    (event) => event.subject === 'Wöchentliche Vertriebsrunde',
  )!;
  expect(series.exceptions).toEqual([
    { date: start, cancelled: true },
    { date: berlinDay(9), subject: 'Vertriebsrunde mit dem Vorstand', location: 'Raum Alster' },
  ]);
  await context.close();
});
