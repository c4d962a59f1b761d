import { contentColumns, contentOf, eventFromRow } from '../../crm/events/eventRecords.js';
import { canonicalExceptions } from '../../crm/events/seriesExceptions.js';
import { GraphRequestError } from '../../graph/mailboxGraph.js';
import type { ContainerGraph } from '../engine/containerGraph.js';
import { logSync } from '../syncLog.js';
import type { SyncRun } from '../syncRun.js';
import { calendarWindow } from './calendarWindow.js';
import { exceptionsInOutlook, instancesByDate, judgedDates, listInstances, type GraphInstance } from './seriesInstances.js';

/**
 * Reads synced series' instances again and takes Outlook's exceptions where they differ: all of them now and then,
 * because Graph is reported to signal nothing when one occurrence is deleted (GRAPH.md §5.1); or those whose
 * occurrences a delta page reported without their master. A series with a CRM change still to push is left to that
 * push, which sets Outlook's instances anyway.
 */
export async function reviewSeries(run: SyncRun, graph: ContainerGraph, onlyGraphIds?: string[]): Promise<void> {
  if (onlyGraphIds?.length === 0) return;
  const window = calendarWindow(run.now());
  let query = run.db
    .selectFrom('sync_links')
    .innerJoin('events', 'events.id', 'sync_links.entity_id')
    .selectAll('events')
    .select(['sync_links.graph_id as graphId', 'sync_links.entity_version as syncedVersion'])
    .where('sync_links.binding_id', '=', run.binding.id)
    .where('sync_links.graph_id', 'is not', null)
    .where('events.recurrence', 'is not', null)
    .where('events.deleted_at', 'is', null)
    .where('events.owner_user_id', '=', run.binding.user_id);
  if (onlyGraphIds) query = query.where('sync_links.graph_id', 'in', onlyGraphIds);
  for (const row of await query.execute()) {
    if (row.version > row.syncedVersion) continue;
    const event = eventFromRow(row);
    let instances: GraphInstance[];
    try {
      instances = await listInstances(graph, row.graphId!, window);
    } catch (error) {
      // A series deleted in Outlook is the delta's to report.
      if (error instanceof GraphRequestError && error.failure.kind === 'not_found') continue;
      throw error;
    }
    const dates = judgedDates(event, window);
    const judged = new Set(dates);
    const byDate = instancesByDate(event, instances, window);
    if (!byDate) continue;
    const inOutlook = exceptionsInOutlook(event, byDate, dates);
    const inCrm = event.exceptions.filter((exception) => judged.has(exception.date));
    if (JSON.stringify(inOutlook) === JSON.stringify(inCrm)) continue;
    const exceptions = canonicalExceptions(event, [...event.exceptions.filter((exception) => !judged.has(exception.date)), ...inOutlook]);
    const at = run.now();
    await run.db.transaction().execute(async (trx) => {
      const version = row.version + 1;
      const updated = await trx
        .updateTable('events')
        .set({ exceptions: contentColumns({ ...contentOf(event), exceptions }).exceptions, version, updated_at: at.toISOString() })
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) return;
      await trx.updateTable('sync_links').set({ entity_version: version, synced_at: at.toISOString() }).where('binding_id', '=', run.binding.id).where('entity_id', '=', row.id).execute();
      await logSync(trx, run.binding, { direction: 'from_microsoft', action: 'updated', entityId: row.id, subject: row.subject, reason: 'changed_in_outlook' }, at);
    });
  }
}
