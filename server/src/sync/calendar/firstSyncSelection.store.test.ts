import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aUser, anOrganisation } from '../../../test/builders.js';
import { storeKinds } from '../../../test/stores.js';
import { contentColumns } from '../../crm/events/eventRecords.js';
import type { Store } from '../../store/database.js';
import type { SyncBindingRow } from '../../store/schema.js';
import type { Recurrence } from '../../../../common/api/events.js';
import { eventAdapter, FIRST_SYNC_LIMIT } from './eventAdapter.js';

const kinds = await storeKinds();
const now = new Date('2026-11-27T12:00:00Z');

describe.each(kinds)('first sync selection on $name', (kind) => {
  let store: Store;
  beforeEach(async () => {
    if (kind.available) store = await kind.open();
  });
  afterEach(async () => {
    if (kind.available) await store.close();
  });

  it.skipIf(!kind.available)(
    'takes at most 5,000 of the owner’s own synced events: upcoming soonest first, then ended latest first, a series by its next or last occurrence',
    async () => {
      const organisation = await anOrganisation(store);
      const owner = await aUser(store, organisation.id);
      const colleague = await aUser(store, organisation.id);
      const rows: { offsetHours: number; start: string; end: string }[] = [];
      // 3,000 upcoming (hour by hour from now) and 2,003 ended (hour by hour back), inserted in shuffled order.
      for (let i = 0; i < 5003; i += 1) {
        const offsetHours = i < 3000 ? i + 1 : -(i - 2999);
        const start = new Date(now.getTime() + offsetHours * 3_600_000).toISOString().slice(0, 16);
        const end = new Date(now.getTime() + offsetHours * 3_600_000 + 1_800_000).toISOString().slice(0, 16);
        rows.push({ offsetHours, start, end });
      }
      rows.sort(() => 0.5 - Math.random());
      const at = now.toISOString();
      const base = {
        organisation_id: organisation.id,
        ical_uid: null,
        sync_eligible: 1,
        version: 1,
        created_at: at,
        updated_at: at,
        deleted_at: null,
        origin: 'crm' as const,
      };
      const content = (subject: string, start: string, end: string, recurrence: Recurrence | null = null) =>
        contentColumns({
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
          recurrence,
          exceptions: [],
        });
      // Fridays since 13 weeks ago at 14:30 (next: today, 2.5 hours from now), and two Fridays that ended three weeks ago.
      const weekly: Recurrence = {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['friday'] },
        range: { type: 'noEnd', startDate: '2026-08-28' },
      };
      const finished: Recurrence = {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['friday'] },
        range: { type: 'numbered', startDate: '2026-10-30', numberOfOccurrences: 2 },
      };
      await store.db.transaction().execute(async (trx) => {
        for (const row of rows)
          await trx
            .insertInto('events')
            .values({
              ...base,
              id: randomUUID(),
              owner_user_id: owner.id,
              ...content(`at ${row.offsetHours}`, row.start, row.end),
            })
            .execute();
        await trx
          .insertInto('events')
          .values({
            ...base,
            id: randomUUID(),
            owner_user_id: owner.id,
            origin: 'import',
            sync_eligible: 0,
            ...content('imported', '2026-11-28T09:00', '2026-11-28T10:00'),
          })
          .execute();
        await trx
          .insertInto('events')
          .values({
            ...base,
            id: randomUUID(),
            owner_user_id: owner.id,
            deleted_at: at,
            ...content('deleted', '2026-11-28T09:00', '2026-11-28T10:00'),
          })
          .execute();
        await trx
          .insertInto('events')
          .values({
            ...base,
            id: randomUUID(),
            owner_user_id: colleague.id,
            ...content('not mine', '2026-11-28T09:00', '2026-11-28T10:00'),
          })
          .execute();
        await trx
          .insertInto('events')
          .values({
            ...base,
            id: randomUUID(),
            owner_user_id: owner.id,
            ...content('weekly series', '2026-08-28T14:30', '2026-08-28T15:00', weekly),
          })
          .execute();
        await trx
          .insertInto('events')
          .values({
            ...base,
            id: randomUUID(),
            owner_user_id: owner.id,
            ...content('finished series', '2026-10-30T02:30', '2026-10-30T03:00', finished),
          })
          .execute();
      });

      const binding = { id: 'b', user_id: owner.id } as SyncBindingRow;
      const run = { db: store.db, binding, now: () => now };
      const ids = await eventAdapter(run).firstSyncSelection(run);
      expect(ids).toHaveLength(FIRST_SYNC_LIMIT);
      const subjects = new Map(
        (await store.db.selectFrom('events').select(['id', 'subject']).execute()).map((row) => [row.id, row.subject]),
      );
      const chosen = ids.map((id) => subjects.get(id)!);
      expect(chosen.slice(0, 4)).toEqual(['at 1', 'at 2', 'weekly series', 'at 3']);
      expect(chosen[3000]).toBe('at 3000');
      expect(chosen.slice(3001, 3003)).toEqual(['at -1', 'at -2']);
      // Its last occurrence ended 513 hours ago: between the singles that ended 512.5 and 513.5 hours ago.
      expect(chosen.slice(chosen.indexOf('at -513'), chosen.indexOf('at -513') + 3)).toEqual([
        'at -513',
        'finished series',
        'at -514',
      ]);
      expect(chosen.at(-1)).toBe('at -1998');
      expect(chosen).not.toContain('imported');
      expect(chosen).not.toContain('deleted');
      expect(chosen).not.toContain('not mine');
    },
  );
});
