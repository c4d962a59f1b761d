import type { Transaction } from 'kysely';
import type { Database, EventRow } from '../../store/schema.js';
import type { ContainerGraph } from '../engine/containerGraph.js';
import { confirmedLinkOfMeeting, linkedGraphIds } from '../syncLinks.js';
import type { SyncRun } from '../syncRun.js';
import type { IncomingEvent } from './seriesSync.js';

/** How an Outlook item without a link relates to the CRM's events: one meeting is one CRM event (by iCalUId). */
export type MeetingMatch =
  { kind: 'new' } | { kind: 'same'; row: EventRow } | { kind: 'skip'; reason: string; entityId?: string };

/**
 * Marks items that are a second copy of a meeting this calendar already syncs under another item that still
 * exists (an attendee's copy moved in beside it). Network, so before the page's transaction.
 */
export async function markCopiesOfSyncedMeetings(
  run: SyncRun,
  graph: ContainerGraph,
  items: IncomingEvent[],
): Promise<void> {
  const candidates = items.filter(
    (item) => !item['@removed'] && item.iCalUId && item.type !== 'occurrence' && item.type !== 'exception',
  );
  if (!candidates.length) return;
  // Items already linked (nearly all, on a busy page) are no copies: one query for the page, not one per item.
  const linked = await linkedGraphIds(
    run.db,
    run.binding.id,
    candidates.map((item) => item.id),
  );
  for (const item of candidates) {
    if (linked.has(item.id)) continue;
    const synced = await confirmedLinkOfMeeting(run.db, run.binding.id, item.iCalUId!);
    if (synced?.graphId && (await graph.findItem(synced.graphId))) item.copyOfSynced = synced.entityId;
  }
}

/** Whether an arriving item is a new CRM event, an existing one (the same meeting), or left alone, and why. */
export async function matchMeeting(
  trx: Transaction<Database>,
  run: SyncRun,
  item: IncomingEvent,
): Promise<MeetingMatch> {
  // A meeting its organizer cancelled is news in Outlook, not a CRM event.
  if (item.isCancelled) return { kind: 'skip', reason: 'meeting_cancelled' };
  if (item.copyOfSynced) return { kind: 'skip', reason: 'meeting_copy', entityId: item.copyOfSynced };
  if (!item.iCalUId) return { kind: 'new' };
  const rows = await trx
    .selectFrom('events')
    .selectAll()
    .where('organisation_id', '=', run.binding.organisation_id)
    .where('ical_uid', '=', item.iCalUId)
    .execute();
  const live = rows.find((row) => row.deleted_at === null);
  if (live) {
    if (live.owner_user_id !== run.binding.user_id)
      return { kind: 'skip', reason: 'meeting_of_other_user', entityId: live.id };
    return { kind: 'same', row: live };
  }
  // Its owner deleted this meeting in the CRM: an attendee's copy must not bring it back.
  const deletedByOther = rows.find((row) => row.owner_user_id !== run.binding.user_id);
  if (deletedByOther) return { kind: 'skip', reason: 'meeting_deleted_by_owner', entityId: deletedByOther.id };
  return { kind: 'new' };
}
