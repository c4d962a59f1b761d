import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import type { Database, EventRow } from '../../store/schema.js';
import type { MicrosoftIdentity } from '../identity.js';
import { requireMember, type Member } from '../member.js';
import { hasPermission } from '../permissions.js';
import { importRecords, insertInChunks } from '../importRows.js';
import { recordSyncChange } from '../syncOutbox.js';
import { workSlices } from '../workSlices.js';
import { eventProblems } from './eventProblems.js';
import { newEventSchema, timeProblems, type EventChanges, type NewEvent } from '../../../../common/api/events.js';
import { contentColumns, contentOf, eventFromRow, type CrmEvent } from './eventRecords.js';
import { seriesMoved } from './seriesExceptions.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface EventCommandContext {
  db: Kysely<Database>;
  now: () => Date;
}

/** Creates an event owned by the caller. Created one by one, it is eligible for sync. */
export async function createEvent(
  ctx: EventCommandContext,
  identity: MicrosoftIdentity,
  input: NewEvent,
): Promise<CrmEvent> {
  const { user } = await requireMember(ctx.db, identity);
  await refuseProblems(input);
  const now = ctx.now().toISOString();
  const row: EventRow = {
    id: randomUUID(),
    organisation_id: user.organisation_id,
    owner_user_id: user.id,
    ...contentColumns(input),
    ical_uid: null,
    origin: 'crm',
    sync_eligible: 1,
    version: 1,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('events').values(row).execute();
    await recordSyncChange(trx, row.owner_user_id, 'calendar', row.id, now);
  });
  return eventFromRow(row);
}

/** Edits an event; an imported event becomes eligible for sync by being edited. */
export async function updateEvent(
  ctx: EventCommandContext,
  identity: MicrosoftIdentity,
  eventId: string,
  changes: EventChanges,
): Promise<CrmEvent> {
  const member = await requireMember(ctx.db, identity);
  const checked = await checkChanges(await editableEvent(ctx.db, member, eventId), changes);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await editableEvent(trx, member, eventId);
    return applyChanges(trx, current, changes, ctx.now(), checked);
  });
}

/**
 * Checks changes against the event as it is, before the transaction that applies them: a series' thousands of
 * exceptions take a while, and on SQLite a transaction holds the one connection every request needs. Returns the
 * version checked, which the transaction need not check again.
 */
export async function checkChanges(current: EventRow, changes: EventChanges): Promise<number> {
  await refuseProblems(mergedChanges(current, changes));
  return current.version;
}

/** The event as it is with the changes on top; moving a series or changing its pattern drops its exceptions. */
function mergedChanges(current: EventRow, changes: EventChanges): NewEvent & { moved: boolean } {
  const before = contentOf(eventFromRow(current));
  const merged = { ...before, ...changes };
  const moved = seriesMoved(before, merged);
  // As in Outlook, unless new exceptions come along.
  if (changes.exceptions === undefined && moved) merged.exceptions = [];
  return { ...merged, moved };
}

/** Deletes an event (kept as a tombstone so that the deletion reaches Microsoft 365 and wins over older edits). */
export async function deleteEvent(
  ctx: EventCommandContext,
  identity: MicrosoftIdentity,
  eventId: string,
): Promise<string> {
  const member = await requireMember(ctx.db, identity);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await editableEvent(trx, member, eventId);
    const now = ctx.now().toISOString();
    await trx
      .updateTable('events')
      .set({ deleted_at: now, updated_at: now, version: current.version + 1 })
      .where('id', '=', current.id)
      .execute();
    await recordSyncChange(trx, current.owner_user_id, 'calendar', current.id, now);
    return current.owner_user_id;
  });
}

/** Hands an event to another user: it leaves the old owner's calendar and enters the new owner's. */
export async function reassignEvent(
  ctx: EventCommandContext,
  identity: MicrosoftIdentity,
  eventId: string,
  newOwnerId: string,
): Promise<{ event: CrmEvent; previousOwnerId: string }> {
  const member = await requireMember(ctx.db, identity);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await editableEvent(trx, member, eventId);
    const owner = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', newOwnerId)
      .where('organisation_id', '=', member.organisation.id)
      .executeTakeFirst();
    if (!owner || owner.status !== 'active') throw new AppError('owner_not_member');
    const now = ctx.now().toISOString();
    await trx
      .updateTable('events')
      .set({ owner_user_id: owner.id, version: current.version + 1, updated_at: now, sync_eligible: 1 })
      .where('id', '=', current.id)
      .execute();
    await recordSyncChange(trx, current.owner_user_id, 'calendar', current.id, now);
    await recordSyncChange(trx, owner.id, 'calendar', current.id, now);
    const event = eventFromRow(
      await trx.selectFrom('events').selectAll().where('id', '=', current.id).executeTakeFirstOrThrow(),
    );
    return { event, previousOwnerId: current.owner_user_id };
  });
}

/** Mass update: the same changes to many events at once; every changed event becomes eligible for sync. */
export async function massUpdateEvents(
  ctx: EventCommandContext,
  identity: MicrosoftIdentity,
  eventIds: string[],
  changes: EventChanges,
): Promise<CrmEvent[]> {
  const member = await requireMember(ctx.db, identity);
  return ctx.db.transaction().execute(async (trx) => {
    const updated: CrmEvent[] = [];
    const checkpoint = workSlices();
    for (const id of new Set(eventIds)) {
      await checkpoint();
      updated.push(await applyChanges(trx, await editableEvent(trx, member, id), changes, ctx.now()));
    }
    return updated;
  });
}

const importRow = z.object({
  Subject: z.string(),
  Start: z.string(),
  End: z.string(),
  'Time Zone': z.string(),
  'All Day': z.string().optional(),
  Location: z.string().optional(),
  Description: z.string().optional(),
});

/**
 * Imports events from CSV records (columns Subject, Start, End, Time Zone, All Day, Location, Description), at most
 * MAX_IMPORT_ROWS. All or nothing: one bad row imports none and names the line. Imported events are marked and not
 * synced.
 */
export async function importEvents(
  ctx: EventCommandContext,
  identity: MicrosoftIdentity,
  records: Iterable<Record<string, string>>,
): Promise<number> {
  const { user } = await requireMember(ctx.db, identity);
  const now = ctx.now().toISOString();
  const rows: EventRow[] = [];
  for await (const { record, line } of importRecords(records)) {
    const parsedRow = importRow.safeParse(record);
    if (!parsedRow.success)
      throw new AppError('import_invalid', `line ${line}`, {
        detail: `line ${line}: the columns Subject, Start, End and Time Zone are required`,
      });
    const row = parsedRow.data;
    const parsed = newEventSchema.safeParse({
      subject: row.Subject,
      start: row.Start,
      end: row.End,
      timeZone: row['Time Zone'],
      isAllDay: /^(true|yes|ja|1)$/i.test(row['All Day'] ?? ''),
      location: row.Location ?? '',
      description: row.Description ?? '',
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('import_invalid', `line ${line}`, {
        detail: `line ${line}: ${issue.path.join('.')} ${issue.message}`,
      });
    }
    rows.push({
      id: randomUUID(),
      organisation_id: user.organisation_id,
      owner_user_id: user.id,
      ...contentColumns(parsed.data),
      ical_uid: null,
      origin: 'import',
      sync_eligible: 0,
      version: 1,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    });
  }
  await ctx.db.transaction().execute((trx) => insertInChunks(trx, 'events', rows));
  return rows.length;
}

/** Whether a user may see or change a record: its owner, or a user who manages all records. */
const mayAccess = (member: Member, ownerId: string) =>
  ownerId === member.user.id || hasPermission(member.user, 'manage_all_records');

/**
 * An event the caller may read. Lists show a user their own records; reading one by id follows the rule of
 * changing it, and an event the caller may not see is one that does not exist for them.
 */
export async function visibleEvent(db: Db, member: Member, eventId: string): Promise<EventRow> {
  const event = await liveEvent(db, member, eventId);
  if (!mayAccess(member, event.owner_user_id)) throw new AppError('event_not_found', `${eventId} is not visible`);
  return event;
}

export async function editableEvent(db: Db, member: Member, eventId: string): Promise<EventRow> {
  const event = await liveEvent(db, member, eventId);
  if (!mayAccess(member, event.owner_user_id)) throw new AppError('records_permission_denied');
  return event;
}

async function liveEvent(db: Db, member: Member, eventId: string): Promise<EventRow> {
  const event = await db
    .selectFrom('events')
    .selectAll()
    .where('id', '=', eventId)
    .where('organisation_id', '=', member.organisation.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!event) throw new AppError('event_not_found');
  return event;
}

/** A 400 that names what is wrong with an event, if anything is. */
async function refuseProblems(event: NewEvent): Promise<void> {
  refuse(await eventProblems(event));
}

function refuse(problems: { path: string; message: string }[]): void {
  const detail = problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ');
  if (problems.length) throw new AppError('invalid_request', detail, { detail });
}

/** Applies checked changes; `checkedVersion` is the version checkChanges saw (a later one is checked again). */
export async function applyChanges(
  db: Db,
  current: EventRow,
  changes: EventChanges,
  at: Date,
  checkedVersion?: number,
): Promise<CrmEvent> {
  const { moved, ...merged } = mergedChanges(current, changes);
  // Exceptions that stay as they were on a series that stays where it was need no second look.
  if (changes.exceptions === undefined && !moved) refuse(timeProblems(merged));
  else if (checkedVersion !== current.version) await refuseProblems(merged);
  const now = at.toISOString();
  await db
    .updateTable('events')
    .set({ ...contentColumns(merged), version: current.version + 1, updated_at: now, sync_eligible: 1 })
    .where('id', '=', current.id)
    .execute();
  await recordSyncChange(db, current.owner_user_id, 'calendar', current.id, now);
  return eventFromRow(await db.selectFrom('events').selectAll().where('id', '=', current.id).executeTakeFirstOrThrow());
}
