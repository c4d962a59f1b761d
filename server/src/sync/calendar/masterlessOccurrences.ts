import type { ContainerGraph } from '../engine/containerGraph.js';
import { linkByGraphId } from '../syncLinks.js';
import type { SyncRun } from '../syncRun.js';
import type { IncomingEvent } from './seriesSync.js';

/** The series masters a run has already read on their own. */
const mastersReadInRun = new WeakMap<SyncRun, Set<string>>();

/**
 * Graph is reported to send a series begun before the delta window as its occurrences alone, without the master,
 * both when it first arrives and when it changes. Such a master is read on its own (once per run) and joins the
 * page when it is new to the CRM or its change key moved, so the series arrives, or its change is taken, as a master.
 */
export async function addMissingMasters(run: SyncRun, graph: ContainerGraph, items: IncomingEvent[]): Promise<void> {
  const read = mastersReadInRun.get(run) ?? new Set<string>();
  mastersReadInRun.set(run, read);
  const onPage = new Set(items.map((item) => item.id));
  const missing = new Set<string>();
  for (const item of items) {
    if (item['@removed'] || (item.type !== 'occurrence' && item.type !== 'exception') || !item.seriesMasterId) continue;
    if (!onPage.has(item.seriesMasterId) && !read.has(item.seriesMasterId)) missing.add(item.seriesMasterId);
  }
  for (const masterId of missing) {
    read.add(masterId);
    const master = await graph.readItem<IncomingEvent>(masterId);
    // Deleted since: its occurrences' removal is the delta's to report.
    if (!master || master.type !== 'seriesMaster') continue;
    const link = await linkByGraphId(run.db, run.binding.id, masterId);
    if (link && master.changeKey && link.graph_change_key === master.changeKey) continue;
    items.push(master);
  }
}
