import type { Transaction } from 'kysely';
import { canonicalExceptions, type SeriesShape } from '../../crm/events/seriesExceptions.js';
import type { SeriesException } from '../../../../common/api/events.js';
import type { Database } from '../../store/schema.js';

/** The CRM's exceptions with those of the judged dates replaced by Outlook's (dates outside the window keep the CRM's). */
export function replaceJudged(
  crm: SeriesException[],
  judgedDates: string[],
  fromOutlook: SeriesException[],
): SeriesException[] {
  const judged = new Set(judgedDates);
  return [...crm.filter((exception) => !judged.has(exception.date)), ...fromOutlook];
}

/**
 * Stores a series' exceptions taken from Outlook, only if the row is still the version they were read against (a
 * CRM change made meanwhile is pushed next and meets Outlook's state again). The new version, or undefined.
 */
export async function storeOutlookExceptions(
  trx: Transaction<Database>,
  row: { id: string; version: number },
  series: SeriesShape,
  exceptions: SeriesException[],
  at: Date,
): Promise<number | undefined> {
  const version = row.version + 1;
  const updated = await trx
    .updateTable('events')
    .set({ exceptions: JSON.stringify(canonicalExceptions(series, exceptions)), version, updated_at: at.toISOString() })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1 ? version : undefined;
}
