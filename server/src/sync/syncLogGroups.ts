import type { Selectable } from 'kysely';
import type { SyncLogTable } from '../store/schema.js';

type SyncLogRow = Selectable<SyncLogTable>;

/** Entries of one kind written in one go (e.g. a first sync's creates) within this many seconds of each other. */
const GAP_SECONDS = 60;
/** How many subjects a group names. */
const NAMED = 3;

/** A run of sync log entries that say the same thing: shown as one line with how many and a few names. */
export interface SyncLogGroup {
  latest: SyncLogRow;
  count: number;
  subjects: string[];
}

/**
 * Folds consecutive entries (newest first) with the same direction, action and reason into one group, as long as
 * they were written close together: a first sync of 5,000 events reads as a few lines, not 5,000. An item met again
 * in its group (the same error in the next run) counts and is named once.
 */
export function groupSyncLog(entries: SyncLogRow[], limit: number): SyncLogGroup[] {
  const groups: SyncLogGroup[] = [];
  let previous: SyncLogRow | undefined;
  let itemsOfGroup = new Set<string>();
  for (const entry of entries) {
    const group = groups.at(-1);
    const same =
      group &&
      previous &&
      entry.direction === previous.direction &&
      entry.action === previous.action &&
      entry.reason === previous.reason &&
      Date.parse(previous.at) - Date.parse(entry.at) <= GAP_SECONDS * 1000;
    if (same) {
      const again = entry.entity_id !== null && itemsOfGroup.has(entry.entity_id);
      if (!again) {
        group.count += 1;
        if (entry.subject && group.subjects.length < NAMED) group.subjects.push(entry.subject);
      }
    } else {
      if (groups.length === limit) break;
      groups.push({ latest: entry, count: 1, subjects: entry.subject ? [entry.subject] : [] });
      itemsOfGroup = new Set();
    }
    if (entry.entity_id !== null) itemsOfGroup.add(entry.entity_id);
    previous = entry;
  }
  return groups;
}
