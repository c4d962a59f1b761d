import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentColumns } from '../../src/crm/events/eventRecords.js';
import { localToUtc } from '../../../common/time/wallClock.js';
import { installTenant } from '../fixtures.js';
import { startStack, type Stack } from '../stack.js';

interface Listed {
  id: string;
  subject: string;
  start: string;
  end: string;
  timeZone: string;
  next?: { start: string; end: string };
  last?: { start: string; end: string };
}
interface Page {
  events: Listed[];
  nextCursor?: string;
}

const HOUR = 3_600_000;
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
const weekdayOf = (date: string) =>
  new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone: 'UTC' })
    .format(new Date(`${date}T00:00:00Z`))
    .toLowerCase();
/** The instant a listed event sorts by: a series' shown occurrence, a single event's start. */
const shownInstant = (event: Listed) => localToUtc((event.next ?? event.last ?? event).start, event.timeZone);

describe('the events view at volume: GET /api/events?view=upcoming|earlier', () => {
  let stack: Stack;
  let admin: string;
  const pastIds = new Set<string>();
  let weekly: Listed;
  let weeklyNextCancelled: Listed;
  let threeTimes: Listed;

  const list = (query: string, language = 'en') => stack.api<Page>(`/api/events?${query}`, { token: admin, language });
  const createSeries = async (subject: string, startDate: string, range: Record<string, unknown>) =>
    (
      await stack.api<Listed>('/api/events', {
        token: admin,
        method: 'POST',
        body: {
          subject,
          start: `${startDate}T10:00`,
          end: `${startDate}T11:00`,
          timeZone: ZONE,
          recurrence: {
            pattern: { type: 'weekly', interval: 1, daysOfWeek: [weekdayOf(startDate)] },
            range: { startDate, ...range },
          },
        },
      })
    ).body;

  beforeAll(async () => {
    stack = await startStack();
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
    const user = await stack.store.db
      .selectFrom('users')
      .selectAll()
      .where('email_normalized', '=', 'admin@contoso.onmicrosoft.com')
      .executeTakeFirstOrThrow();

    // 5,000 single events as a first sync brings them (the sync's cap): 4,000 over, hour by hour back; 1,000 to
    // come, hour by hour ahead; and one running now. Inserted in one go, as the sync's own store test does.
    const now = Date.now();
    const at = new Date(now).toISOString();
    const wall = (instant: number) => new Date(instant).toISOString().slice(0, 19);
    const rows: { id: string; subject: string; start: string; end: string }[] = [];
    for (let i = 1; i <= 5000; i += 1) {
      const offset = i <= 4000 ? -i - 1 : i - 4000;
      const subject = offset < 0 ? `ended ${-offset}h ago` : `in ${offset}h`;
      const id = randomUUID();
      if (offset < 0) pastIds.add(id);
      rows.push({ id, subject, start: wall(now + offset * HOUR), end: wall(now + offset * HOUR + HOUR / 2) });
    }
    rows.push({ id: randomUUID(), subject: 'running now', start: wall(now - HOUR / 2), end: wall(now + HOUR / 2) });
    await stack.store.db.transaction().execute(async (trx) => {
      for (let index = 0; index < rows.length; index += 500) {
        await trx
          .insertInto('events')
          .values(
            rows.slice(index, index + 500).map(({ id, subject, start, end }) => ({
              id,
              organisation_id: user.organisation_id,
              owner_user_id: user.id,
              ical_uid: null,
              origin: 'microsoft365' as const,
              sync_eligible: 1,
              version: 1,
              created_at: at,
              updated_at: at,
              deleted_at: null,
              ...contentColumns({
                subject,
                description: '',
                location: '',
                start,
                end,
                timeZone: 'UTC',
                isAllDay: false,
                attendees: [],
                reminderMinutes: null,
                showAs: 'busy',
                recurrence: null,
                exceptions: [],
              }),
            })),
          )
          .execute();
      }
    });

    // Weekly series that began about three months ago: the last occurrence was two days ago, the next is in five.
    weekly = await createSeries('Weekly since summer', berlinDay(-86), { type: 'noEnd' });
    weeklyNextCancelled = await createSeries('Weekly since summer, next one cancelled', berlinDay(-86), {
      type: 'noEnd',
    });
    expect(
      (
        await stack.api(`/api/events/${weeklyNextCancelled.id}/occurrences/${berlinDay(5)}`, {
          token: admin,
          method: 'DELETE',
        })
      ).status,
    ).toBe(200);
    // Three weeks in spring: all over.
    threeTimes = await createSeries('Three times in spring', berlinDay(-60), {
      type: 'numbered',
      numberOfOccurrences: 3,
    });
  }, 120_000);
  afterAll(() => stack?.close());

  it('Upcoming starts with what is running and the soonest to come, and places a series at its next occurrence', async () => {
    const first = await list('view=upcoming');
    expect(first.status).toBe(200);
    expect(first.body.events).toHaveLength(200);
    expect(first.body.events.slice(0, 4).map((e) => e.subject)).toEqual(['running now', 'in 1h', 'in 2h', 'in 3h']);
    const series = first.body.events.find((e) => e.id === weekly.id)!;
    expect(series.next).toEqual({ start: `${berlinDay(5)}T10:00:00`, end: `${berlinDay(5)}T11:00:00` });
    expect(series.start).toBe(`${berlinDay(-86)}T10:00:00`);
    // The series whose occurrence in five days is cancelled comes a week later, on the next page.
    expect(first.body.events.map((e) => e.id)).not.toContain(weeklyNextCancelled.id);
    const second = await list(`view=upcoming&cursor=${encodeURIComponent(first.body.nextCursor!)}`);
    const later = second.body.events.find((e) => e.id === weeklyNextCancelled.id)!;
    expect(later.next).toEqual({ start: `${berlinDay(12)}T10:00:00`, end: `${berlinDay(12)}T11:00:00` });
    const instants = [...first.body.events, ...second.body.events].map(shownInstant);
    expect(instants).toEqual([...instants].sort());
    expect(second.body.events.map((e) => e.id)).not.toContain(threeTimes.id);
  });

  it('Earlier pages back through every event that is over exactly once, latest first, a finished series at its last occurrence', async () => {
    const seen: Listed[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await list(`view=earlier&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.events);
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(cursor).toBeUndefined();
    expect(seen).toHaveLength(4001);
    expect(new Set(seen.map((e) => e.id)).size).toBe(4001);
    expect(seen.filter((e) => e.id !== threeTimes.id).every((e) => pastIds.has(e.id))).toBe(true);
    expect(seen[0]!.subject).toBe('ended 2h ago');
    const instants = seen.map(shownInstant);
    expect(instants).toEqual([...instants].sort().reverse());
    expect(seen.find((e) => e.id === threeTimes.id)!.last).toEqual({
      start: `${berlinDay(-46)}T10:00:00`,
      end: `${berlinDay(-46)}T11:00:00`,
    });
  });

  it('without a view answers as before, and from/to find a series by its occurrences', async () => {
    const all = await stack.api<{ events: Listed[] }>('/api/events', { token: admin });
    expect(all.body.events).toHaveLength(1000);
    expect(all.body.events[0]!.subject).toBe('ended 4001h ago');
    const from = localToUtc(`${berlinDay(5)}T00:00`, ZONE);
    const to = localToUtc(`${berlinDay(6)}T00:00`, ZONE);
    const span = await stack.api<{ events: Listed[] }>(`/api/events?from=${from}&to=${to}`, { token: admin });
    expect(span.body.events.map((e) => e.id)).toContain(weekly.id);
    expect(span.body.events.map((e) => e.id)).not.toContain(weeklyNextCancelled.id);
  });

  it('finds the upcoming events of one person', async () => {
    const body = {
      subject: 'Offer with Katja',
      start: `${berlinDay(3)}T10:00`,
      end: `${berlinDay(3)}T11:00`,
      timeZone: ZONE,
      attendees: [{ email: 'katja.bauer@fabrikam.example' }],
    };
    const created = await stack.api<Listed>('/api/events', { token: admin, method: 'POST', body });
    const katja = await list(
      'view=upcoming&limit=5&attendee=Katja.Bauer%40fabrikam.example&attendee=paul%40northwind.example',
    );
    expect(katja.body.events.map((e) => e.id)).toEqual([created.body.id]);
  });

  it('refuses bad limits, cursors and views with a 400 that says what is wrong', async () => {
    const { nextCursor } = (await list('view=upcoming&limit=1')).body;
    const cases: [string, RegExp][] = [
      ['view=upcoming&limit=0', /limit: must be a whole number from 1 to 500/],
      ['view=upcoming&limit=501', /limit: must be a whole number from 1 to 500/],
      ['view=earlier&limit=ten', /limit: must be a whole number from 1 to 500/],
      ['view=earlier&limit=-1', /limit/],
      ['view=earlier&limit=2.5', /limit/],
      ['view=earlier&cursor=not-a-cursor', /cursor: is not a cursor of the earlier listing/],
      [`view=earlier&cursor=${encodeURIComponent(nextCursor!)}`, /cursor: is not a cursor of the earlier listing/],
      ['view=earlier&cursor=', /cursor/],
      ['view=later', /view/],
      ['view=upcoming&sort=desc', /sort/],
      ['view=upcoming&attendee=katja', /attendee/],
    ];
    for (const [query, message] of cases) {
      const response = await stack.api<{ error: string; message: string }>(`/api/events?${query}`, { token: admin });
      expect(response.status, query).toBe(400);
      expect(response.body.error, query).toBe('invalid_request');
      expect(response.body.message, query).toMatch(message);
    }
    const german = await stack.api<{ message: string }>('/api/events?view=upcoming&limit=0', {
      token: admin,
      language: 'de',
    });
    expect(german.body.message).toMatch(/^Die Anfrage war nicht verständlich: limit/);
  });
});
