import { AppError } from '../../errors.js';
import type { MicrosoftIdentity } from '../identity.js';
import { requireMember } from '../member.js';
import { applyChanges, editableEvent, type EventCommandContext } from './eventCommands.js';
import { eventFromRow, type CrmEvent } from './eventRecords.js';
import { seriesDates } from './seriesDates.js';
import { exceptionProblems, type OccurrenceOverrides, type SeriesException } from './seriesExceptions.js';

/**
 * Changes or cancels one occurrence of a series (it becomes an exception). A cancelled occurrence stays cancelled,
 * as in Outlook; changing it again merges with its earlier changes.
 */
export async function changeOccurrence(
  ctx: EventCommandContext,
  identity: MicrosoftIdentity,
  eventId: string,
  date: string,
  change: OccurrenceOverrides | 'cancel',
): Promise<CrmEvent> {
  const member = await requireMember(ctx.db, identity);
  return ctx.db.transaction().execute(async (trx) => {
    const event = eventFromRow(await editableEvent(trx, member, eventId));
    const existing = event.exceptions.find((exception) => exception.date === date);
    if (!event.recurrence || existing?.cancelled || !seriesDates(event.recurrence, date).includes(date))
      throw new AppError('occurrence_not_found');
    const others = event.exceptions.filter((exception) => exception.date !== date);
    const replacement: SeriesException =
      change === 'cancel' ? { date, cancelled: true } : { ...existing, ...change, date };
    const problem = exceptionProblems(event, [...others, replacement]).find((p) => p.date === date);
    if (problem)
      throw new AppError(
        problem.kind === 'crosses_neighbour' ? 'occurrence_crosses_neighbour' : 'occurrence_times_invalid',
        problem.message,
      );
    return applyChanges(
      trx,
      await editableEvent(trx, member, eventId),
      { exceptions: [...others, replacement] },
      ctx.now(),
    );
  });
}
