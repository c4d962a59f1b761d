import { AppError } from '../../errors.js';
import type { EventRow } from '../../store/schema.js';
import type { MicrosoftIdentity } from '../identity.js';
import { requireMember } from '../member.js';
import { applyChanges, editableEvent, visibleEvent, type EventCommandContext } from './eventCommands.js';
import { workSlices } from '../workSlices.js';
import { MAX_EXCEPTIONS } from '../../../../common/api/eventDates.js';
import { eventFromRow, type CrmEvent } from './eventRecords.js';
import { seriesDates } from './seriesDates.js';
import { exceptionProblemsInSlices, occurrenceOf, type OccurrenceOverrides } from './seriesExceptions.js';
import { type Occurrence, type SeriesException } from '../../../../common/api/events.js';

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
  // Checked before the transaction (see checkChanges), and again inside only if the event changed meanwhile.
  const seen = await editableEvent(ctx.db, member, eventId);
  const planned = await exceptionsWithChange(seen, eventId, date, change);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await editableEvent(trx, member, eventId);
    const exceptions =
      current.version === seen.version ? planned : await exceptionsWithChange(current, eventId, date, change);
    return applyChanges(trx, current, { exceptions }, ctx.now(), current.version);
  });
}

/** The series' exceptions with the occurrence on `date` changed or cancelled, or the refusal that says why not. */
async function exceptionsWithChange(
  row: EventRow,
  eventId: string,
  date: string,
  change: OccurrenceOverrides | 'cancel',
): Promise<SeriesException[]> {
  const event = eventFromRow(row);
  const existing = event.exceptions.find((exception) => exception.date === date);
  if (!event.recurrence || existing?.cancelled || seriesDates(event.recurrence, date, date)[0] !== date)
    throw new AppError('occurrence_not_found');
  const others = event.exceptions.filter((exception) => exception.date !== date);
  if (!existing && others.length >= MAX_EXCEPTIONS)
    throw new AppError('too_many_exceptions', `${eventId} has ${others.length}`, { max: MAX_EXCEPTIONS });
  const replacement: SeriesException =
    change === 'cancel' ? { date, cancelled: true } : { ...existing, ...change, date };
  const exceptions = [...others, replacement];
  const problems = await exceptionProblemsInSlices(event, exceptions);
  const problem = problems.find((p) => p.date === date);
  if (problem)
    throw new AppError(
      problem.kind === 'crosses_neighbour' ? 'occurrence_crosses_neighbour' : 'occurrence_times_invalid',
      problem.message,
    );
  if (problems.length) {
    const detail = problems.map((p) => `exceptions: ${p.message}`).join('; ');
    throw new AppError('invalid_request', detail, { detail });
  }
  return exceptions;
}

/** How many occurrences one request lists at most. */
export const OCCURRENCES_PER_REQUEST = 1000;

/**
 * A series' occurrences whose original date lies in [from, to], the first 1,000, for a caller who may see the event
 * (its owner, or a user who manages all records).
 */
export async function listOccurrences(
  ctx: EventCommandContext,
  identity: MicrosoftIdentity,
  eventId: string,
  from: string,
  to: string,
): Promise<Occurrence[]> {
  const member = await requireMember(ctx.db, identity);
  const event = eventFromRow(await visibleEvent(ctx.db, member, eventId));
  if (!event.recurrence) return [];
  const occurrenceOn = occurrenceOf(event, event.exceptions);
  const checkpoint = workSlices();
  const occurrences: Occurrence[] = [];
  for (const date of seriesDates(event.recurrence, to, from, OCCURRENCES_PER_REQUEST)) {
    await checkpoint();
    occurrences.push(occurrenceOn(date));
  }
  return occurrences;
}
