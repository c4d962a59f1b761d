import type { NewEvent } from '../../../../common/api/events.js';
import { contentOf, eventFromRow, type CrmEvent } from '../../crm/events/eventRecords.js';
import { seriesMoved } from '../../crm/events/seriesExceptions.js';
import type { SeriesException } from '../../../../common/api/events.js';
import type { EventRow } from '../../store/schema.js';
import type { ContainerGraph } from '../engine/containerGraph.js';
import type { WriteCompletion } from '../engine/itemAdapter.js';
import { logSync } from '../syncLog.js';
import { linkByGraphId } from '../syncLinks.js';
import type { SyncRun } from '../syncRun.js';
import { calendarWindow } from './calendarWindow.js';
import { fromGraphEvent } from './eventMapping.js';
import type { GraphEvent } from './graphEvent.js';
import { reviewSeries } from './seriesReview.js';
import { replaceJudged, storeOutlookExceptions } from './exceptionWrites.js';
import { exceptionsInOutlook, planInstanceWrites, readSeries } from './seriesInstances.js';
import { addMissingMasters } from './masterlessOccurrences.js';

/**
 * A Graph event as the calendar sync receives it, with what was read for it before the page's transaction: a
 * changed series master's exceptions as Outlook has them; the CRM event whose meeting this item is a second copy of.
 */
export type IncomingEvent = GraphEvent & {
  id: string;
  seriesExceptions?: { dates: string[]; exceptions: SeriesException[] };
  copyOfSynced?: string;
};

/** The series whose instances a run has already read (as masters on a page, or reviewed for an exception). */
const seriesReadInRun = new WeakMap<SyncRun, Set<string>>();

/**
 * Reads the instances of every series master on the page that changed in Outlook (not our own write), because a
 * change to one occurrence shows only as a change of its master; masters Graph left off the page join it first.
 * Expansion stays inside the sync window.
 */
export async function prepareSeries(run: SyncRun, graph: ContainerGraph, items: IncomingEvent[]): Promise<void> {
  await addMissingMasters(run, graph, items);
  // Graph may report a changed occurrence (an exception) without its master: such series are read again on their
  // own, once per run. Plain occurrences only echo their master's change (and fill every first round).
  const readBefore = seriesReadInRun.get(run) ?? new Set<string>();
  seriesReadInRun.set(run, readBefore);
  const masters = items.filter((item) => item.type === 'seriesMaster').map((item) => item.id);
  const orphans = items
    .filter(
      (item) =>
        item.type === 'exception' &&
        item.seriesMasterId &&
        !masters.includes(item.seriesMasterId) &&
        !readBefore.has(item.seriesMasterId),
    )
    .map((item) => item.seriesMasterId!);
  for (const id of [...masters, ...orphans]) readBefore.add(id);
  await reviewSeries(run, graph, [...new Set(orphans)]);
  const window = calendarWindow(run.now());
  for (const item of items) {
    if (item['@removed'] || item.type !== 'seriesMaster' || !item.recurrence) continue;
    const link = await linkByGraphId(run.db, run.binding.id, item.id);
    if (link && item.changeKey && link.graph_change_key === item.changeKey) continue;
    const row = link
      ? await run.db.selectFrom('events').select('time_zone').where('id', '=', link.entity_id).executeTakeFirst()
      : undefined;
    const series = fromGraphEvent(item, row?.time_zone);
    const read = await readSeries(graph, series, item.id, window);
    // Unreadable as a series: the CRM keeps the exceptions it has.
    if (read)
      item.seriesExceptions = {
        dates: read.dates,
        exceptions: exceptionsInOutlook(series, read.instances, read.dates),
      };
  }
}

/**
 * The event's content with its exceptions: Outlook's for the dates read from its instances, the CRM's for dates
 * outside the window. A series moved or re-patterned in Outlook has dropped its exceptions, so the CRM drops them too.
 */
export function withSeriesExceptions(content: NewEvent, item: IncomingEvent, existing: CrmEvent | undefined): NewEvent {
  if (!content.recurrence) return { ...content, exceptions: [] };
  const kept = existing && !seriesMoved(contentOf(existing), content) ? existing.exceptions : [];
  const fromOutlook = item.seriesExceptions;
  return {
    ...content,
    exceptions: fromOutlook ? replaceJudged(kept, fromOutlook.dates, fromOutlook.exceptions) : kept,
  };
}

/**
 * After a series master was written: gives its instances the CRM's exceptions (cancel, change, or set back).
 * An occurrence Outlook has cancelled cannot come back through Graph, so the CRM takes the cancellation over.
 */
export async function completeSeriesWrite(
  run: SyncRun,
  graph: ContainerGraph,
  row: EventRow,
  graphId: string,
  created: boolean,
): Promise<WriteCompletion<EventRow> | undefined> {
  const event = eventFromRow(row);
  if (!event.recurrence || (created && event.exceptions.length === 0)) return undefined;
  const read = await readSeries(graph, event, graphId, calendarWindow(run.now()));
  if (!read) return undefined;
  const plan = planInstanceWrites(graph, event, event.exceptions, read.instances, read.dates);
  const cancelled = [...plan.cancelledInOutlook];
  const refused: string[] = [];
  if (plan.requests.length) {
    const responses = await graph.batch(plan.requests);
    for (const request of plan.requests) {
      const date = request.id.replace('occurrence-', '');
      const status = responses.get(request.id)?.status ?? 0;
      if (status === 404 && request.method !== 'DELETE') cancelled.push(date);
      else if (status >= 300 && status !== 404) refused.push(date);
    }
  }
  if (!plan.requests.length && !cancelled.length) return undefined;
  // Each instance write changed the master: remember its change key now, so that the echo is known as ours.
  const changeKey = plan.requests.length ? (await graph.findItem(graphId))?.changeKey : undefined;
  return {
    ...(changeKey ? { changeKey } : {}),
    async applyToRow(trx, current, at) {
      for (const date of refused) {
        await logSync(
          trx,
          run.binding,
          {
            direction: 'to_microsoft',
            action: 'error',
            entityId: row.id,
            subject: row.subject,
            reason: `refused_occurrence|${date}`,
          },
          at,
        );
      }
      if (!cancelled.length) return current.version;
      const exceptions = replaceJudged(
        event.exceptions,
        cancelled,
        cancelled.map((date): SeriesException => ({ date, cancelled: true })),
      );
      const version = await storeOutlookExceptions(trx, current, event, exceptions, at);
      if (version === undefined) return current.version;
      await logSync(
        trx,
        run.binding,
        {
          direction: 'from_microsoft',
          action: 'updated',
          entityId: row.id,
          subject: row.subject,
          reason: `occurrence_cancelled_in_outlook|${cancelled.sort().join(', ')}`,
        },
        at,
      );
      return version;
    },
  };
}
