import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser, anOrganisation } from '../../../test/builders.js';
import { storeKinds } from '../../../test/stores.js';
import { AppError } from '../../errors.js';
import type { Store } from '../../store/database.js';
import type { EventView } from '../../../../common/api/enums.js';
import type { ListedEvent, NewEvent, Recurrence } from '../../../../common/api/events.js';
import { listEventPage, listEventsBetween } from './eventListing.js';
import { contentColumns } from './eventRecords.js';
import { normalizeLocal } from '../../../../common/time/wallClock.js';

const kinds = await storeKinds();
// A Friday; 09:00 in Berlin is 08:00 UTC.
const now = new Date('2026-11-27T12:00:00Z');

describe.each(kinds)('the events listing on $name', (kind) => {
  let store: Store;
  let ownerId: string;
  let colleagueId: string;
  let organisationId: string;

  beforeEach(async () => {
    if (!kind.available) return;
    store = await kind.open();
    const organisation = await anOrganisation(store);
    organisationId = organisation.id;
    ownerId = (await aUser(store, organisation.id)).id;
    colleagueId = (await aUser(store, organisation.id)).id;
  });
  afterEach(async () => {
    if (kind.available) await store.close();
  });

  type Extra = Partial<NewEvent> & { owner?: string; deleted?: boolean };
  const insert = async (subject: string, start: string, end: string, extra: Extra = {}) => {
    const { owner, deleted, ...content } = extra;
    const at = now.toISOString();
    const id = randomUUID();
    await store.db
      .insertInto('events')
      .values({
        id,
        organisation_id: organisationId,
        owner_user_id: owner ?? ownerId,
        ical_uid: null,
        origin: 'crm',
        sync_eligible: 1,
        version: 1,
        created_at: at,
        updated_at: at,
        deleted_at: deleted ? at : null,
        ...contentColumns({
          subject,
          description: '',
          location: '',
          start: normalizeLocal(start),
          end: normalizeLocal(end),
          timeZone: 'UTC',
          isAllDay: false,
          attendees: [],
          reminderMinutes: null,
          showAs: 'busy',
          recurrence: null,
          exceptions: [],
          ...content,
        }),
      })
      .execute();
    return id;
  };
  const weekly = (
    startDate: string,
    day: string,
    range: Partial<Recurrence['range']> = { type: 'noEnd' },
  ): Recurrence => ({
    pattern: { type: 'weekly', interval: 1, daysOfWeek: [day as 'friday'] },
    range: { type: 'noEnd', startDate, ...range },
  });
  const page = (view: EventView, limit: number, cursor?: string, attendees?: string[]) =>
    listEventPage(store.db, {
      ownerId,
      view,
      limit,
      now,
      ...(cursor !== undefined ? { cursor } : {}),
      ...(attendees ? { attendees } : {}),
    });
  /** Every page of a view, in order. */
  const everything = async (view: EventView, limit: number) => {
    const all: ListedEvent[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 1000; pages += 1) {
      const answer = await page(view, limit, cursor);
      all.push(...answer.events);
      cursor = answer.nextCursor;
      if (!cursor) return all;
    }
    throw new Error('the listing never ends');
  };

  /** Singles around now, series that started months ago or are over, and rows that must never show. */
  const seed = async () => {
    await insert('over today', '2026-11-27T10:00', '2026-11-27T11:00');
    await insert('running', '2026-11-27T11:30', '2026-11-27T12:30');
    await insert('at 13', '2026-11-27T13:00', '2026-11-27T14:00');
    for (const letter of ['a', 'b', 'c', 'd', 'e'])
      await insert(`tie ${letter}`, '2026-11-27T15:00', '2026-11-27T16:00');
    await insert('tomorrow', '2026-11-28T09:00', '2026-11-28T10:00');
    await insert('deleted', '2026-11-27T13:00', '2026-11-27T14:00', { deleted: true });
    await insert('not mine', '2026-11-27T13:00', '2026-11-27T14:00', { owner: colleagueId });
    // Fridays 09:00 Berlin since the end of August: today's is over, the next is on 4 December.
    const berlin = { timeZone: 'Europe/Berlin', recurrence: weekly('2026-08-28', 'friday') };
    await insert('weekly', '2026-08-28T09:00', '2026-08-28T10:00', berlin);
    await insert('weekly, next cancelled', '2026-08-28T09:00', '2026-08-28T10:00', {
      ...berlin,
      exceptions: [{ date: '2026-12-04', cancelled: true }],
    });
    // Daily 11:00–13:00 UTC: today's occurrence is running, so it comes first.
    await insert('daily', '2026-11-01T11:00', '2026-11-01T13:00', {
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2026-11-01' } },
    });
    // Three Mondays in August: over, at its last occurrence.
    await insert('three Mondays', '2026-08-03T09:00', '2026-08-03T10:00', {
      recurrence: weekly('2026-08-03', 'monday', { type: 'numbered', numberOfOccurrences: 3 }),
    });
    // Every occurrence cancelled: over, at its start.
    await insert('all cancelled', '2026-09-01T09:00', '2026-09-01T10:00', {
      recurrence: {
        pattern: { type: 'daily', interval: 1 },
        range: { type: 'numbered', startDate: '2026-09-01', numberOfOccurrences: 2 },
      },
      exceptions: [
        { date: '2026-09-01', cancelled: true },
        { date: '2026-09-02', cancelled: true },
      ],
    });
  };

  it.skipIf(!kind.available)(
    'Upcoming: running first, then by next occurrence; a series at its next occurrence that is neither over nor cancelled',
    async () => {
      await seed();
      const upcoming = await page('upcoming', 200);
      expect(upcoming.nextCursor).toBeUndefined();
      // The five at 15:00 come in id order, which is random here.
      expect(upcoming.events.map((e) => e.subject.replace(/^tie .$/, 'tie'))).toEqual([
        'daily',
        'running',
        'at 13',
        'tie',
        'tie',
        'tie',
        'tie',
        'tie',
        'tomorrow',
        'weekly',
        'weekly, next cancelled',
      ]);
      const bySubject = new Map(upcoming.events.map((e) => [e.subject, e]));
      expect(bySubject.get('daily')!.next).toEqual({ start: '2026-11-27T11:00:00', end: '2026-11-27T13:00:00' });
      expect(bySubject.get('weekly')!.next).toEqual({ start: '2026-12-04T09:00:00', end: '2026-12-04T10:00:00' });
      expect(bySubject.get('weekly, next cancelled')!.next).toEqual({
        start: '2026-12-11T09:00:00',
        end: '2026-12-11T10:00:00',
      });
      // The series itself is unchanged: its own start is still its first occurrence.
      expect(bySubject.get('weekly')!.start).toBe('2026-08-28T09:00:00');
      expect(bySubject.get('running')!.next).toBeUndefined();
      // Pages of three, across the five events that start at the same instant, give the same list once.
      expect((await everything('upcoming', 3)).map((e) => e.id)).toEqual(upcoming.events.map((e) => e.id));
    },
  );

  it.skipIf(!kind.available)(
    'Earlier: latest first, a series over at its last occurrence, every event once across pages',
    async () => {
      await seed();
      // 60 more that are over, several starting at the same instant.
      for (let i = 0; i < 60; i += 1) {
        const day = String(1 + Math.floor(i / 3)).padStart(2, '0');
        await insert(`past ${i}`, `2026-10-${day}T09:00`, `2026-10-${day}T10:00`);
      }
      const first = await page('earlier', 500);
      expect(first.nextCursor).toBeUndefined();
      expect(first.events.slice(0, 1).map((e) => e.subject)).toEqual(['over today']);
      expect(first.events.slice(-2).map((e) => e.subject)).toEqual(['all cancelled', 'three Mondays']);
      expect(first.events).toHaveLength(63);
      const mondays = first.events.find((e) => e.subject === 'three Mondays')!;
      expect(mondays.last).toEqual({ start: '2026-08-17T09:00:00', end: '2026-08-17T10:00:00' });
      expect(first.events.find((e) => e.subject === 'all cancelled')!.last).toBeUndefined();
      for (const limit of [1, 7, 62]) {
        const paged = await everything('earlier', limit);
        expect(paged.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
      }
    },
  );

  it.skipIf(!kind.available)(
    'filters by attendee in SQL, exactly: LIKE wildcards in an address match only themselves',
    async () => {
      const people = (...emails: string[]) => ({
        attendees: emails.map((email) => ({ email, type: 'required' as const })),
      });
      await insert('with Katja', '2026-11-30T09:00', '2026-11-30T10:00', people('katja_b@fabrikam.example'));
      await insert(
        'with KATJA',
        '2026-12-01T09:00',
        '2026-12-01T10:00',
        people('Paul@fabrikam.example', 'KATJA_B@Fabrikam.example'),
      );
      await insert('with katjaxb', '2026-11-29T09:00', '2026-11-29T10:00', people('katjaxb@fabrikam.example'));
      await insert('with someone else', '2026-11-29T09:00', '2026-11-29T10:00', people('xkatja_b@fabrikam.example'));
      await insert('series with Katja', '2026-08-28T09:00', '2026-08-28T10:00', {
        ...people('katja_b@fabrikam.example'),
        recurrence: weekly('2026-08-28', 'friday'),
      });
      await insert('with Katja, over', '2026-11-02T09:00', '2026-11-02T10:00', people('katja_b@fabrikam.example'));
      const katja = await page('upcoming', 10, undefined, ['katja_b@fabrikam.example']);
      expect(katja.events.map((e) => e.subject)).toEqual(['with Katja', 'with KATJA', 'series with Katja']);
      expect(
        (await page('earlier', 10, undefined, ['katja_b@fabrikam.example', 'nobody@fabrikam.example'])).events.map(
          (e) => e.subject,
        ),
      ).toEqual(['with Katja, over']);
      expect((await page('upcoming', 10, undefined, ['nobody@fabrikam.example'])).events).toEqual([]);
    },
  );

  it.skipIf(!kind.available)('refuses a cursor that is not one, or one of the other view', async () => {
    await seed();
    const { nextCursor } = await page('upcoming', 2);
    expect(nextCursor).toBeDefined();
    await expect(page('earlier', 2, nextCursor)).rejects.toThrow(AppError);
    for (const bad of ['nonsense', Buffer.from('{"v":"upcoming","k":"yesterday","i":"x"}').toString('base64url'), '']) {
      await expect(page('upcoming', 2, bad)).rejects.toMatchObject({ code: 'invalid_request' });
    }
  });

  it.skipIf(!kind.available)(
    'without a view: from/to take a series by its occurrences, not its first one',
    async () => {
      await seed();
      const span = await listEventsBetween(store.db, ownerId, '2026-12-03T00:00:00Z', '2026-12-05T00:00:00Z');
      expect(span.map((e) => e.subject)).toEqual(['weekly', 'daily']);
      const all = await listEventsBetween(store.db, ownerId);
      expect(all).toHaveLength(14);
      expect(all[0]!.subject).toBe('three Mondays');
    },
  );
});
