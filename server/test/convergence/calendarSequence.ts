import { contentColumns } from '../../src/crm/events/eventRecords.js';
import { localToUtc } from '../../../common/time/wallClock.js';
import { fromGraphEvent } from '../../src/sync/calendar/eventMapping.js';
import { installTenant, joinByInvitation } from '../fixtures.js';
import { Outlook, type OutlookEvent } from '../outlook.js';
import type { Stack } from '../stack.js';
import { enableCalendarSync, syncNow, type CalendarSyncHandle } from '../syncFixtures.js';
import { Random } from './random.js';

interface Person {
  upn: string;
  token: string;
  userId: string;
  outlook: Outlook;
  sync: CalendarSyncHandle;
}

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC'] as const;

/** The fields both sides must agree on, per event, keyed by subject (subjects are unique within a sequence). */
type Comparable = Record<
  string,
  {
    start: string;
    end: string;
    timeZone: string;
    isAllDay: boolean;
    location: string;
    description: string;
    occurrences: string;
  }
>;

/** The span in which a series' occurrences are compared (every sequence's dates fall inside it). */
const SPAN = { from: '2027-01-01', to: '2027-07-01' };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Two colleagues who both sync their calendars; reused across sequences (each sequence starts from empty). */
export async function preparePeople(stack: Stack): Promise<Person[]> {
  const admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
  const megan = await joinByInvitation(stack, admin, 'megan.bowen@contoso.onmicrosoft.com');
  const people: Person[] = [];
  for (const [upn, token] of [
    ['admin@contoso.onmicrosoft.com', admin],
    ['megan.bowen@contoso.onmicrosoft.com', megan],
  ] as const) {
    const me = await stack.api<{ user: { id: string } }>('/api/me', { token });
    people.push({
      upn,
      token,
      userId: me.body.user.id,
      outlook: new Outlook(stack, upn),
      sync: undefined as unknown as CalendarSyncHandle,
    });
  }
  return people;
}

/** Empties both sides and turns sync on afresh for everyone. */
async function reset(stack: Stack, people: Person[]): Promise<void> {
  for (const person of people) {
    if (person.sync) await stack.api('/api/sync/calendar/disable', { token: person.token, method: 'POST' });
  }
  await stack.store.db.deleteFrom('sync_outbox').execute();
  await stack.store.db.deleteFrom('events').execute();
  stack.tenant.knobs.resetFaults();
  for (const person of people) {
    person.sync = await enableCalendarSync(stack, person.token);
    await syncNow(stack, person.sync);
  }
}

/**
 * One random sequence: creates, edits, deletes and owner changes on both sides, interleaved with syncs; a change
 * in Outlook is followed by zero, one or two syncs (its notification dropped, delivered, or delivered twice);
 * some syncs meet injected 429s and 503s or an expired delta token. Returns a description of any divergence.
 */
export async function runCalendarSequence(
  stack: Stack,
  people: Person[],
  seed: number,
  steps = 14,
): Promise<string | undefined> {
  const random = new Random(seed);
  await reset(stack, people);
  // Some sequences meet a Graph that signals nothing when one occurrence is deleted (only the review finds those), or
  // that reports a changed occurrence without its master.
  stack.tenant.knobs.update({
    silentOccurrenceDeletes: random.chance(0.2),
    exceptionChangesWithoutMaster: random.chance(0.2),
  });
  let counter = 0;
  const day = (offset: number) => new Date(Date.UTC(2027, 0, 10 + offset)).toISOString().slice(0, 10);
  const timed = () => {
    const d = day(random.int(60));
    const hour = 7 + random.int(10);
    return { start: `${d}T${String(hour).padStart(2, '0')}:00`, end: `${d}T${String(hour + 1).padStart(2, '0')}:30` };
  };
  const crmEvents = async (person: Person) =>
    (
      await stack.api<{
        events: {
          id: string;
          subject: string;
          ownerId: string;
          start: string;
          isAllDay: boolean;
          recurrence: unknown;
        }[];
      }>('/api/events', { token: person.token })
    ).body.events;
  const nextDay = (dateTime: string) =>
    new Date(Date.parse(`${dateTime.slice(0, 10)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const sameDay = (dateTime: string, hour: number) => ({
    start: `${dateTime.slice(0, 10)}T${String(hour).padStart(2, '0')}:00`,
    end: `${dateTime.slice(0, 10)}T${String(hour + 1).padStart(2, '0')}:30`,
  });
  const outlookEvents = (person: Person) => person.outlook.events(person.sync.calendarId);

  for (let step = 0; step < steps; step += 1) {
    const person = random.pick(people)!;
    const other = people.find((p) => p !== person)!;
    if (random.chance(0.12)) {
      // Only the sync's own requests (app-only, /users/{id}) meet the faults, not the person working in Outlook.
      stack.tenant.knobs.injectFault({
        status: random.chance(0.5) ? 429 : 503,
        retryAfterSeconds: 0.05,
        times: 1 + random.int(3),
        pathContains: '/users/',
      });
    }
    if (random.chance(0.05))
      await stack.fetch(
        `${stack.tenant.url}/_devtenant/api/mailboxes/${encodeURIComponent(person.upn)}/expire-delta-tokens`,
        { method: 'POST' },
      );
    const action = random.int(12);
    switch (action) {
      case 0:
      case 1: {
        counter += 1;
        const zone = random.pick(ZONES)!;
        await stack.api('/api/events', {
          token: person.token,
          method: 'POST',
          body: { subject: `crm ${seed}-${counter}`, ...timed(), timeZone: zone, location: `Room ${random.int(9)}` },
        });
        break;
      }
      case 2: {
        const event = random.pick(await crmEvents(person));
        // A series keeps its first date when it moves, so that its pattern still fits.
        const moved = () => (event?.recurrence ? sameDay(event.start, 7 + random.int(10)) : timed());
        if (event)
          await stack.api(`/api/events/${event.id}`, {
            token: person.token,
            method: 'PATCH',
            body: random.chance(0.5) ? { location: `Edited ${random.int(99)}` } : moved(),
          });
        break;
      }
      case 3: {
        const event = random.pick(await crmEvents(person));
        if (event) await stack.api(`/api/events/${event.id}`, { token: person.token, method: 'DELETE' });
        break;
      }
      case 4: {
        const event = random.pick(await crmEvents(person));
        if (event)
          await stack.api(`/api/events/${event.id}/owner`, {
            token: person.token,
            method: 'POST',
            body: { ownerId: other.userId },
          });
        break;
      }
      case 5: {
        counter += 1;
        const { start, end } = timed();
        const zone = random.pick(ZONES)!;
        await person.outlook.create(person.sync.calendarId, {
          subject: `outlook ${seed}-${counter}`,
          start: { dateTime: start, timeZone: zone },
          end: { dateTime: end, timeZone: zone },
          location: { displayName: `Desk ${random.int(9)}` },
          body: { contentType: 'text', content: `note ${counter}` },
        });
        await notifications(stack, random, person);
        break;
      }
      case 6: {
        const event = random.pick(await outlookEvents(person));
        if (event) {
          await person.outlook.update(
            event.id,
            random.chance(0.5)
              ? { location: { displayName: `Outlook ${random.int(99)}` } }
              : { subject: `${event.subject.split(' ~')[0]} ~${random.int(99)}` },
          );
          await notifications(stack, random, person);
        }
        break;
      }
      case 7: {
        const event = random.pick(await outlookEvents(person));
        if (event) {
          await person.outlook.delete(event.id);
          await notifications(stack, random, person);
        }
        break;
      }
      case 9: {
        // A weekly series, created in the CRM or in Outlook.
        counter += 1;
        const allDay = random.chance(0.25);
        const { start, end } = allDay
          ? (({ start: s }) => ({ start: `${s.slice(0, 10)}T00:00`, end: `${nextDay(s)}T00:00` }))(timed())
          : timed();
        const zone = random.pick(ZONES)!;
        const recurrence = {
          pattern: {
            type: 'weekly',
            interval: 1,
            daysOfWeek: [WEEKDAYS[new Date(`${start.slice(0, 10)}T12:00:00Z`).getUTCDay()]],
          },
          range: { type: 'numbered', startDate: start.slice(0, 10), numberOfOccurrences: 3 + random.int(6) },
        };
        if (random.chance(0.5)) {
          await stack.api('/api/events', {
            token: person.token,
            method: 'POST',
            body: {
              subject: `crm series ${seed}-${counter}`,
              start,
              end,
              timeZone: zone,
              isAllDay: allDay,
              location: `Room ${random.int(9)}`,
              recurrence,
            },
          });
        } else {
          await person.outlook.create(person.sync.calendarId, {
            subject: `outlook series ${seed}-${counter}`,
            start: { dateTime: start, timeZone: zone },
            end: { dateTime: end, timeZone: zone },
            isAllDay: allDay,
            location: { displayName: `Desk ${random.int(9)}` },
            recurrence,
          });
          await notifications(stack, random, person);
        }
        break;
      }
      case 10: {
        // One occurrence of a CRM series cancelled, moved within its day, or given another place.
        const event = random.pick((await crmEvents(person)).filter((e) => e.recurrence));
        if (!event) break;
        const occurrence = random.pick(
          (
            await stack.api<{ occurrences: { date: string; cancelled: boolean }[] }>(
              `/api/events/${event.id}/occurrences?from=${SPAN.from}&to=${SPAN.to}`,
              { token: person.token },
            )
          ).body.occurrences.filter((o) => !o.cancelled),
        );
        if (!occurrence) break;
        const path = `/api/events/${event.id}/occurrences/${occurrence.date}`;
        // All-day occurrences keep their day and midnight times: they are cancelled or relocated only.
        const rolled = random.int(3);
        const roll = rolled === 1 && event.isAllDay ? 2 : rolled;
        if (roll === 0) await stack.api(path, { token: person.token, method: 'DELETE' });
        else
          await stack.api(path, {
            token: person.token,
            method: 'PATCH',
            body:
              roll === 1 ? sameDay(occurrence.date, 7 + random.int(10)) : { location: `Occurrence ${random.int(99)}` },
          });
        break;
      }
      case 11: {
        // The same in Outlook, on an instance of a series in the synced calendar.
        const master = random.pick((await outlookEvents(person)).filter((e) => e.type === 'seriesMaster'));
        if (!master) break;
        const instance = random.pick(
          await person.outlook.instances(master.id, `${SPAN.from}T00:00:00Z`, `${SPAN.to}T00:00:00Z`),
        ) as (OutlookEvent & { originalStart: string }) | undefined;
        if (!instance) break;
        const rolled = random.int(3);
        const roll = rolled === 1 && master.isAllDay ? 2 : rolled;
        if (roll === 0) await person.outlook.delete(instance.id);
        else if (roll === 1) {
          // Moved within its UTC day, which never crosses a neighbour a week away in any zone.
          const { start, end } = sameDay(instance.start.dateTime.slice(0, 10), 7 + random.int(10));
          await person.outlook.update(instance.id, {
            start: { dateTime: start, timeZone: 'UTC' },
            end: { dateTime: end, timeZone: 'UTC' },
          });
        } else
          await person.outlook.update(instance.id, {
            location: { displayName: `Outlook occurrence ${random.int(99)}` },
          });
        await notifications(stack, random, person);
        break;
      }
      default:
        await syncNow(stack, person.sync).catch(ignoreRetryLater);
    }
  }

  stack.tenant.knobs.resetFaults();
  // The final runs are the first after the review interval (SYNC_REVIEW_SECONDS) has passed.
  await stack.store.db.updateTable('sync_bindings').set({ reviewed_at: null }).execute();
  for (let round = 0; round < 3; round += 1) for (const person of people) await syncNow(stack, person.sync);

  for (const person of people) {
    const crm = await comparableCrm(stack, person);
    const outlook = await comparableOutlook(person, await outlookEvents(person), crm);
    const difference = diff(crm, outlook);
    if (difference) return `${person.upn}: ${difference}`;
  }

  await stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts/reset`, { method: 'POST' });
  for (const person of people) await syncNow(stack, person.sync);
  const counts = (await (await stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts`)).json()) as {
    batchRequests: number;
    mailboxes: Record<string, Record<string, number>>;
  };
  const writes = Object.entries(counts.mailboxes).flatMap(([mailbox, byMethod]) =>
    ['POST', 'PATCH', 'DELETE'].filter((m) => (byMethod[m] ?? 0) > 0).map((m) => `${mailbox} ${m}=${byMethod[m]}`),
  );
  if (writes.length || counts.batchRequests)
    return `a further sync still wrote: ${writes.join(', ')} batches=${counts.batchRequests}`;
  return undefined;
}

/** The effect of Graph's notification for a change: dropped (no run), delivered (one run) or delivered twice. */
async function notifications(stack: Stack, random: Random, person: Person): Promise<void> {
  const deliveries = random.int(3);
  for (let i = 0; i < deliveries; i += 1) await syncNow(stack, person.sync).catch(ignoreRetryLater);
}

function ignoreRetryLater(error: unknown): void {
  if (!(error instanceof Error && error.name === 'RetryLater')) throw error;
}

async function comparableCrm(stack: Stack, person: Person): Promise<Comparable> {
  const rows = await stack.store.db
    .selectFrom('events')
    .selectAll()
    .where('owner_user_id', '=', person.userId)
    .where('deleted_at', 'is', null)
    .where('sync_eligible', '=', 1)
    .execute();
  const result: Comparable = {};
  for (const row of rows) {
    let occurrences = '';
    if (row.recurrence) {
      const listed = await stack.api<{
        occurrences: { start: string; end: string; location: string; cancelled: boolean }[];
      }>(`/api/events/${row.id}/occurrences?from=${SPAN.from}&to=${SPAN.to}`, { token: person.token });
      // All-day occurrences are dates wherever one looks at them; timed ones are instants.
      const instant = (local: string) => (row.is_all_day === 1 ? local : localToUtc(local, row.time_zone));
      occurrences = listed.body.occurrences
        .filter((o) => !o.cancelled)
        .map((o) => occurrenceLine(instant(o.start), instant(o.end), o.location))
        .join('; ');
    }
    result[row.subject] = {
      start: row.start_local,
      end: row.end_local,
      timeZone: row.time_zone,
      isAllDay: row.is_all_day === 1,
      location: row.location,
      description: row.description,
      occurrences,
    };
  }
  return result;
}

/** One occurrence as both sides are compared: its instants in UTC and its place. */
function occurrenceLine(startUtc: string, endUtc: string, location: string): string {
  return `${startUtc.slice(0, 16)}–${endUtc.slice(0, 16)} @ ${location}`;
}

/** Outlook's events read the way the sync reads them, in the zone the CRM has for the same subject; a series with its instances. */
async function comparableOutlook(person: Person, events: OutlookEvent[], crm: Comparable): Promise<Comparable> {
  const result: Comparable = {};
  for (const event of events) {
    const content = fromGraphEvent(event as never, crm[event.subject]?.timeZone);
    const columns = contentColumns(content);
    if (result[event.subject]) return { [`${event.subject} (twice)`]: result[event.subject]! };
    let occurrences = '';
    if (event.type === 'seriesMaster') {
      const instances = await person.outlook.instances(event.id, `${SPAN.from}T00:00:00Z`, `${SPAN.to}T00:00:00Z`);
      occurrences = instances
        .map((i) =>
          occurrenceLine(
            `${i.start.dateTime.slice(0, 16)}Z`,
            `${i.end.dateTime.slice(0, 16)}Z`,
            i.location.displayName,
          ),
        )
        .join('; ');
    }
    result[event.subject] = {
      start: columns.start_local,
      end: columns.end_local,
      timeZone: content.timeZone,
      isAllDay: content.isAllDay,
      location: content.location,
      description: content.description,
      occurrences,
    };
  }
  return result;
}

function diff(crm: Comparable, outlook: Comparable): string | undefined {
  const subjects = new Set([...Object.keys(crm), ...Object.keys(outlook)]);
  for (const subject of subjects) {
    const a = crm[subject];
    const b = outlook[subject];
    if (!a) return `"${subject}" is in Outlook only`;
    if (!b) return `"${subject}" is in the CRM only`;
    for (const field of Object.keys(a) as (keyof typeof a)[]) {
      if (field === 'timeZone') continue;
      if (a[field] !== b[field])
        return `"${subject}".${field}: CRM ${JSON.stringify(a[field])} vs Outlook ${JSON.stringify(b[field])}`;
    }
  }
  return undefined;
}
