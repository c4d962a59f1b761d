import { eventFromRow } from '../../crm/events/eventRecords.js';
import { GraphError } from '../../graph/graphError.js';
import type { ContainerGraph } from '../engine/containerGraph.js';
import { linkedSeries, recordSyncedVersion } from '../syncLinks.js';
import { logSync } from '../syncLog.js';
import type { SyncRun } from '../syncRun.js';
import { calendarWindow } from './calendarWindow.js';
import { replaceJudged, storeOutlookExceptions } from './exceptionWrites.js';
import { exceptionsInOutlook, readSeries } from './seriesInstances.js';

/**
 * Reads synced series' instances again and takes Outlook's exceptions where they differ: all of them now and then,
 * because Graph is reported to signal nothing when one occurrence is deleted
 * (docs/graph-behaviour.md#silent-occurrence-deletes); or those whose occurrences a delta page reported without their
 * master. A series with a CRM change still to push is left to that push, which sets Outlook's instances anyway.
 */
export async function reviewSeries(run: SyncRun, graph: ContainerGraph, onlyGraphIds?: string[]): Promise<void> {
  if (onlyGraphIds?.length === 0) return;
  const window = calendarWindow(run.now());
  for (const row of await linkedSeries(run.db, run.binding, onlyGraphIds)) {
    if (row.version > row.syncedVersion) continue;
    const event = eventFromRow(row);
    const read = await readSeries(graph, event, row.graphId!, window).catch((error: unknown) => {
      // A series deleted in Outlook is the delta's to report.
      if (error instanceof GraphError && error.kind === 'not_found') return undefined;
      throw error;
    });
    if (!read) continue;
    const inOutlook = exceptionsInOutlook(event, read.instances, read.dates);
    const judged = new Set(read.dates);
    if (
      JSON.stringify(inOutlook) === JSON.stringify(event.exceptions.filter((exception) => judged.has(exception.date)))
    )
      continue;
    const at = run.now();
    await run.db.transaction().execute(async (trx) => {
      const version = await storeOutlookExceptions(
        trx,
        row,
        event,
        replaceJudged(event.exceptions, read.dates, inOutlook),
        at,
      );
      if (version === undefined) return;
      await recordSyncedVersion(trx, run.binding.id, row.id, version, at.toISOString());
      await logSync(
        trx,
        run.binding,
        {
          direction: 'from_microsoft',
          action: 'updated',
          entityId: row.id,
          subject: row.subject,
          reason: 'changed_in_outlook',
        },
        at,
      );
    });
  }
}
