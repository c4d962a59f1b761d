import { storedView } from '../calendar/eventView.js';
import { formatInZone, ianaZone } from '../calendar/timeZones.js';
import type { StoredCalendar, StoredEvent } from '../state/calendarStore.js';
import { html, SafeHtml } from '../shared/html.js';
import { layout } from './webPages.js';

export const VIEW_ZONES = [
  'UTC',
  'Europe/Berlin',
  'Europe/London',
  'America/New_York',
  'America/Los_Angeles',
  'Asia/Tokyo',
  'Australia/Sydney',
];

const local = (ms: number, zone: string) => formatInZone(ms, zone).slice(0, 16);
const shown = (ms: number, zone: string) => local(ms, zone).replace('T', ' ');

/**
 * An all-day event's days as Outlook shows them, whatever zone the page is viewed in: the dates of its midnights
 * in its own zone (6 December stays 6 December), the stored end being the exclusive next midnight.
 */
function allDayDates(e: StoredEvent): { first: string; last: string; endExclusive: string } {
  const first = formatInZone(e.startUtc, ianaZone(e.startZone) ?? 'Etc/UTC').slice(0, 10);
  const endExclusive = formatInZone(e.endUtc, ianaZone(e.endZone) ?? 'Etc/UTC').slice(0, 10);
  const dayBefore = new Date(`${endExclusive}T00:00:00Z`);
  dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
  const last = dayBefore.toISOString().slice(0, 10);
  return { first, last: last > first ? last : first, endExclusive };
}

function allDayWhen(e: StoredEvent): string {
  const { first, last } = allDayDates(e);
  return last > first ? `${first} – ${last} (all day)` : `${first} (all day)`;
}

function seriesMarker(e: StoredEvent): string {
  if (!e.recurrence) return '';
  const p = e.recurrence.pattern;
  const every = p.interval > 1 ? `every ${p.interval} ` : '';
  return `Series: ${every}${p.type}${p.daysOfWeek.length ? ` (${p.daysOfWeek.join(', ')})` : ''}, ${Object.keys(e.exceptions).length} changed, ${e.cancelledOccurrences.length} cancelled`;
}

export interface EventFormValues {
  subject: string;
  start: string;
  end: string;
  allDay: boolean;
  location: string;
  attendees: string;
}

function eventForm(p: {
  action: string;
  values: EventFormValues;
  zone: string;
  calendarId: string;
  legend: string;
}): SafeHtml {
  const v = p.values;
  return html`<form class="event" method="post" action="${p.action}">
    <fieldset>
      <legend>${p.legend}</legend>
      <input type="hidden" name="tz" value="${p.zone}" /><input type="hidden" name="calendar" value="${p.calendarId}" />
      <label for="subject">Subject</label><input id="subject" name="subject" value="${v.subject}" required />
      <label for="start">Start</label
      ><input id="start" name="start" type="datetime-local" value="${v.start}" required aria-describedby="zone-note" />
      <label for="end">End</label
      ><input id="end" name="end" type="datetime-local" value="${v.end}" required aria-describedby="zone-note" />
      <p id="zone-note" class="meta">Times are in ${p.zone}.</p>
      <label
        ><input type="checkbox" name="allDay" value="on" ${v.allDay ? new SafeHtml('checked') : ''} /> All day</label
      >
      <label for="location">Location</label><input id="location" name="location" value="${v.location}" />
      <label for="attendees">Attendees</label
      ><input id="attendees" name="attendees" value="${v.attendees}" aria-describedby="attendees-note" />
      <p id="attendees-note" class="meta">
        E-mail addresses, separated by commas. Attendees receive a meeting request.
      </p>
      <p><button type="submit">Save</button></p>
    </fieldset>
  </form>`;
}

export function calendarPage(p: {
  owner: { displayName: string; upn: string };
  baseHref: string;
  calendars: StoredCalendar[];
  selected: StoredCalendar;
  events: StoredEvent[];
  zone: string;
  error?: string;
  values?: EventFormValues;
}): string {
  const zoneOptions = VIEW_ZONES.map(
    (z) => html`<option value="${z}" ${z === p.zone ? new SafeHtml('selected') : ''}>${z}</option>`,
  );
  const calendars = p.calendars.map(
    (c) =>
      html`<li>
        <a
          href="${p.baseHref}/calendar?calendar=${encodeURIComponent(c.id)}&amp;tz=${encodeURIComponent(p.zone)}"
          ${c.id === p.selected.id ? new SafeHtml('aria-current="page"') : ''}
          >${c.name}</a
        >${c.isDefaultCalendar ? ' (default)' : html` <form class="inline" method="post" action="${p.baseHref}/calendars/${encodeURIComponent(c.id)}/delete"><button type="submit" aria-label="Delete calendar ${c.name}">Delete calendar</button></form>`}
      </li>`,
  );
  const sorted = [...p.events].sort((a, b) => a.startUtc - b.startUtc);
  const rows = sorted.map((e) => {
    const v = storedView(e);
    return html`<tr>
      <td>
        <a href="${p.baseHref}/calendar/events/${encodeURIComponent(e.id)}?tz=${encodeURIComponent(p.zone)}"
          >${e.subject || '(no subject)'}</a
        >${e.isCancelled ? ' (cancelled)' : ''}
      </td>
      <td>
        ${e.isAllDay ? allDayWhen(e) : `${shown(e.startUtc, p.zone)} – ${shown(e.endUtc, p.zone)}`}
      </td>
      <td>${e.attendees.map((a) => a.emailAddress.address).join(', ')}</td>
      <td>${seriesMarker(e)}</td>
      <td>${v.type}</td>
    </tr>`;
  });
  const now = Date.now();
  const values = p.values ?? {
    subject: '',
    start: local(now + 3_600_000 - (now % 3_600_000), p.zone),
    end: local(now + 7_200_000 - (now % 3_600_000), p.zone),
    allDay: false,
    location: '',
    attendees: '',
  };
  return layout(
    `Calendar of ${p.owner.displayName}`,
    html`<h1>Calendar of ${p.owner.displayName}</h1>
      <p class="meta">${p.owner.upn}</p>
      <nav class="tabs" aria-label="Folders">
        <a href="${p.baseHref}">Inbox</a><a href="${p.baseHref}?folder=sentitems">Sent Items</a
        ><a href="${p.baseHref}/calendar" aria-current="page">Calendar</a><a href="${p.baseHref}/contacts">Contacts</a>
      </nav>
      <h2>Calendars</h2>
      <ul>
        ${calendars}
      </ul>
      <form method="get" action="${p.baseHref}/calendar">
        <input type="hidden" name="calendar" value="${p.selected.id}" /> <label for="tz">Time zone</label>
        <select id="tz" name="tz">
          ${zoneOptions}
        </select>
        <button type="submit">Show</button>
      </form>
      <h2>Events in ${p.selected.name}</h2>
      <table>
        <caption class="meta" style="text-align:left">
          Times in ${p.zone}
        </caption>
        <thead>
          <tr>
            <th scope="col">Subject</th>
            <th scope="col">When</th>
            <th scope="col">Attendees</th>
            <th scope="col">Series</th>
            <th scope="col">Type</th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length > 0
              ? rows
              : html`<tr>
                  <td colspan="5">No events.</td>
                </tr>`
          }
        </tbody>
      </table>
      ${p.error ? html`<p class="error" role="alert">${p.error}</p>` : ''}
      <h2>New event</h2>
      ${eventForm({ action: `${p.baseHref}/calendar/events`, values, zone: p.zone, calendarId: p.selected.id, legend: `New event in ${p.selected.name}` })}
      <h2>New calendar</h2>
      <form class="event" method="post" action="${p.baseHref}/calendars">
        <label for="calendar-name">Name</label><input id="calendar-name" name="name" required />
        <button type="submit">Create calendar</button>
      </form>`,
  );
}

/** Outlook's "Move to": the event leaves this calendar for another one of the mailbox (a new item there). */
function moveForm(baseHref: string, e: StoredEvent, calendars: StoredCalendar[], zone: string): SafeHtml | string {
  const others = calendars.filter((c) => c.id !== e.calendarId);
  if (others.length === 0) return '';
  const options = others.map(
    (c) => html`<option value="${c.id}">${c.name}${c.isDefaultCalendar ? ' (default)' : ''}</option>`,
  );
  return html`<form class="inline" method="post" action="${baseHref}/calendar/events/${encodeURIComponent(e.id)}/move">
    <input type="hidden" name="tz" value="${zone}" /> <label for="move-to">Move to</label>
    <select id="move-to" name="calendar">
      ${options}
    </select>
    <button type="submit">Move</button>
  </form>`;
}

export function eventPage(p: {
  owner: { displayName: string; upn: string };
  baseHref: string;
  event: StoredEvent;
  calendar: StoredCalendar;
  calendars: StoredCalendar[];
  zone: string;
  error?: string;
  values?: EventFormValues;
}): string {
  const e = p.event;
  const days = e.isAllDay ? allDayDates(e) : undefined;
  const values = p.values ?? {
    subject: e.subject,
    start: days ? `${days.first}T00:00` : local(e.startUtc, p.zone),
    end: days ? `${days.endExclusive}T00:00` : local(e.endUtc, p.zone),
    allDay: e.isAllDay,
    location: e.location.displayName,
    attendees: e.attendees.map((a) => a.emailAddress.address).join(', '),
  };
  const back = `${p.baseHref}/calendar?calendar=${encodeURIComponent(e.calendarId)}&tz=${encodeURIComponent(p.zone)}`;
  return layout(
    e.subject || '(no subject)',
    html`<p><a href="${back}">Back to ${p.calendar.name}</a></p>
      <h1>${e.subject || '(no subject)'}</h1>
      <dl class="meta">
        <dt>Organizer</dt>
        <dd>${e.organizer.emailAddress.address}</dd>
        <dt>Change key</dt>
        <dd>${e.changeKey}</dd>
        ${
          e.recurrence
            ? html`<dt>Series</dt>
                <dd>${seriesMarker(e)}</dd>`
            : ''
        }
      </dl>
      ${p.error ? html`<p class="error" role="alert">${p.error}</p>` : ''}
      ${eventForm({ action: `${p.baseHref}/calendar/events/${encodeURIComponent(e.id)}`, values, zone: p.zone, calendarId: e.calendarId, legend: 'Edit event' })}
      <form method="post" action="${p.baseHref}/calendar/events/${encodeURIComponent(e.id)}/delete">
        <input type="hidden" name="tz" value="${p.zone}" /><button type="submit">Delete</button>
      </form>
      ${moveForm(p.baseHref, e, p.calendars, p.zone)}`,
  );
}
