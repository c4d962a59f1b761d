import { randomUUID } from 'node:crypto';
import { placeSeries } from '../../crm/events/eventListing.js';
import { contentColumns, eventFromRow } from '../../crm/events/eventRecords.js';
import type { EventRow } from '../../store/schema.js';
import type { ItemAdapter } from '../engine/itemAdapter.js';
import { shortLabel } from '../engine/shortLabel.js';
import type { SyncRun } from '../syncRun.js';
import { fromGraphEvent, toGraphEvent } from './eventMapping.js';
import { CRM_EVENT_ID_PROPERTY } from './graphEvent.js';
import { markCopiesOfSyncedMeetings, matchMeeting } from './meetingMatch.js';
import { reviewSeries } from './seriesReview.js';
import { completeSeriesWrite, prepareSeries, withSeriesExceptions, type IncomingEvent } from './seriesSync.js';

/** An event placed in time for the first sync's order. */
interface Placed {
  id: string;
  at: string;
}

// The first sync takes at most this many events (docs/product-rules.md#r-calendar-first-sync).
export const FIRST_SYNC_LIMIT = 5000;

/** CRM events in the engine: the brand calendar's items. */
export function eventAdapter(run: SyncRun): ItemAdapter<EventRow, IncomingEvent> {
  return {
    kind: 'calendar',
    stampProperty: CRM_EVENT_ID_PROPERTY,
    loadRows: (db, ids) =>
      ids.length ? db.selectFrom('events').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]),
    label: (row) => row.subject,
    incomingLabel: (item) => shortLabel(item.subject),
    toGraph(row, { mode, create }) {
      const event = eventFromRow(row);
      // Attendees make Exchange mail meeting requests: only events created after sync was enabled carry them
      // (as Outlook would have mailed them); the first sync, history, never mails anyone.
      const includeAttendees =
        mode === 'changes' && run.binding.enabled_at !== null && event.createdAt >= run.binding.enabled_at;
      return toGraphEvent(event, { includeAttendees, ...(create ? { transactionId: create.transactionId } : {}) });
    },
    async afterCreate(trx, row, created) {
      if (!row.ical_uid && created.iCalUId)
        await trx.updateTable('events').set({ ical_uid: created.iCalUId }).where('id', '=', row.id).execute();
    },
    transactionIdOf: (item) => item.transactionId,
    linkFacts: (item) => ({ icalUid: item.iCalUId ?? null }),
    completeWrite: completeSeriesWrite,
    review: reviewSeries,
    async prepareIncoming(runNow, graph, items) {
      await prepareSeries(runNow, graph, items);
      await markCopiesOfSyncedMeetings(runNow, graph, items);
    },
    skipReason(item) {
      // A series' occurrences and exceptions arrive through their master (read with its instances).
      if (item.type === 'occurrence' || item.type === 'exception') return 'silent';
      return undefined;
    },
    async softDelete(trx, row, at) {
      await trx
        .updateTable('events')
        .set({ deleted_at: at.toISOString(), updated_at: at.toISOString(), version: row.version + 1 })
        .where('id', '=', row.id)
        .execute();
    },
    async applyGraph(trx, row, item, at) {
      const version = row.version + 1;
      const content = withSeriesExceptions(fromGraphEvent(item, row.time_zone), item, eventFromRow(row));
      await trx
        .updateTable('events')
        .set({ ...contentColumns(content), version, updated_at: at.toISOString(), sync_eligible: 1 })
        .where('id', '=', row.id)
        .execute();
      return version;
    },
    async arrive(trx, runNow, item, at) {
      const content = withSeriesExceptions(fromGraphEvent(item, undefined), item, undefined);
      const match = await matchMeeting(trx, runNow, item);
      if (match.kind === 'skip')
        return {
          skipped: match.reason,
          ...(match.entityId ? { entityId: match.entityId } : {}),
          label: content.subject,
        };
      if (match.kind === 'same')
        return { entityId: match.row.id, version: match.row.version, label: content.subject, linked: 'matched' };
      const entityId = randomUUID();
      await trx
        .insertInto('events')
        .values({
          id: entityId,
          organisation_id: runNow.binding.organisation_id,
          owner_user_id: runNow.binding.user_id,
          ...contentColumns(content),
          ical_uid: item.iCalUId ?? null,
          origin: 'microsoft365',
          sync_eligible: 1,
          version: 1,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
          deleted_at: null,
        })
        .execute();
      return { entityId, version: 1, label: content.subject, linked: 'created' };
    },
    async firstSyncSelection(runNow) {
      // Upcoming events soonest first, then ended ones latest first (docs/product-rules.md#r-calendar-first-sync);
      // a series by its next occurrence.
      const nowIso = runNow.now().toISOString();
      const eligible = runNow.db
        .selectFrom('events')
        .where('owner_user_id', '=', runNow.binding.user_id)
        .where('deleted_at', 'is', null)
        .where('sync_eligible', '=', 1);
      const singles = eligible.select(['id', 'start_utc', 'end_utc']).where('recurrence', 'is', null);
      const upcoming: Placed[] = (
        await singles
          .where('end_utc', '>=', nowIso)
          .orderBy('start_utc', 'asc')
          .orderBy('id')
          .limit(FIRST_SYNC_LIMIT)
          .execute()
      ).map((row) => ({ id: row.id, at: row.start_utc }));
      const ended: Placed[] = (
        await singles
          .where('end_utc', '<', nowIso)
          .orderBy('end_utc', 'desc')
          .orderBy('id')
          .limit(FIRST_SYNC_LIMIT)
          .execute()
      ).map((row) => ({ id: row.id, at: row.end_utc }));
      for (const row of await eligible.selectAll().where('recurrence', 'is not', null).execute()) {
        const placement = placeSeries(eventFromRow(row), nowIso);
        if (placement.view === 'upcoming') upcoming.push({ id: row.id, at: placement.next.startUtc });
        else ended.push({ id: row.id, at: placement.last?.endUtc ?? row.end_utc });
      }
      upcoming.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
      ended.sort((a, b) => b.at.localeCompare(a.at) || a.id.localeCompare(b.id));
      return [...upcoming, ...ended].slice(0, FIRST_SYNC_LIMIT).map((placed) => placed.id);
    },
  };
}
