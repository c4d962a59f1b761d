import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { AppError } from '../../errors.js';
import type { ContactRow, Database } from '../../store/schema.js';
import { normalizeEmail, type MicrosoftIdentity } from '../identity.js';
import { requireMember, type Member } from '../member.js';
import { hasPermission } from '../permissions.js';
import { importRecords, insertInChunks } from '../importRows.js';
import { recordSyncChange } from '../syncOutbox.js';
import { workSlices } from '../workSlices.js';
import { contactProblems } from './contactProblems.js';
import { newContactSchema, type ContactChanges, type NewContact } from '../../../../common/api/contacts.js';
import { contactFromRow, contentColumns, contentOf, type CrmContact } from './contactRecords.js';
import { contactInputFromCsv, OWNER_CSV_COLUMN } from './csvColumns.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface ContactCommandContext {
  db: Kysely<Database>;
  now: () => Date;
}

/** Creates a contact owned by the caller. Created one by one, it is eligible for sync. */
export async function createContact(
  ctx: ContactCommandContext,
  identity: MicrosoftIdentity,
  input: NewContact,
): Promise<CrmContact> {
  const { user } = await requireMember(ctx.db, identity);
  checkContact(input, ctx.now());
  const now = ctx.now().toISOString();
  const row: ContactRow = {
    id: randomUUID(),
    organisation_id: user.organisation_id,
    owner_user_id: user.id,
    ...contentColumns(input),
    origin: 'crm',
    sync_eligible: 1,
    version: 1,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx.insertInto('contacts').values(row).execute();
    await recordSyncChange(trx, row.owner_user_id, 'contacts', row.id, now);
  });
  return contactFromRow(row);
}

/** Edits a contact; an imported or migrated contact becomes eligible for sync by being edited. */
export async function updateContact(
  ctx: ContactCommandContext,
  identity: MicrosoftIdentity,
  contactId: string,
  changes: ContactChanges,
): Promise<CrmContact> {
  const member = await requireMember(ctx.db, identity);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await editableContact(trx, member, contactId);
    return applyChanges(trx, current, changes, ctx.now());
  });
}

/** Deletes a contact (kept as a tombstone so that the deletion reaches Microsoft 365 and wins over older edits). */
export async function deleteContact(
  ctx: ContactCommandContext,
  identity: MicrosoftIdentity,
  contactId: string,
): Promise<string> {
  const member = await requireMember(ctx.db, identity);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await editableContact(trx, member, contactId);
    const now = ctx.now().toISOString();
    await trx
      .updateTable('contacts')
      .set({ deleted_at: now, updated_at: now, version: current.version + 1 })
      .where('id', '=', current.id)
      .execute();
    await recordSyncChange(trx, current.owner_user_id, 'contacts', current.id, now);
    return current.owner_user_id;
  });
}

/** Hands a contact to another user: it leaves the old owner's synced contacts and enters the new owner's. */
export async function reassignContact(
  ctx: ContactCommandContext,
  identity: MicrosoftIdentity,
  contactId: string,
  newOwnerId: string,
): Promise<{ contact: CrmContact; previousOwnerId: string }> {
  const member = await requireMember(ctx.db, identity);
  return ctx.db.transaction().execute(async (trx) => {
    const current = await editableContact(trx, member, contactId);
    const owner = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', newOwnerId)
      .where('organisation_id', '=', member.organisation.id)
      .executeTakeFirst();
    if (!owner || owner.status !== 'active') throw new AppError('owner_not_member');
    const now = ctx.now().toISOString();
    await trx
      .updateTable('contacts')
      .set({ owner_user_id: owner.id, version: current.version + 1, updated_at: now, sync_eligible: 1 })
      .where('id', '=', current.id)
      .execute();
    await recordSyncChange(trx, current.owner_user_id, 'contacts', current.id, now);
    await recordSyncChange(trx, owner.id, 'contacts', current.id, now);
    const contact = contactFromRow(
      await trx.selectFrom('contacts').selectAll().where('id', '=', current.id).executeTakeFirstOrThrow(),
    );
    return { contact, previousOwnerId: current.owner_user_id };
  });
}

/** Mass update: the same changes to many contacts at once; every changed contact becomes eligible for sync. */
export async function massUpdateContacts(
  ctx: ContactCommandContext,
  identity: MicrosoftIdentity,
  contactIds: string[],
  changes: ContactChanges,
): Promise<CrmContact[]> {
  const member = await requireMember(ctx.db, identity);
  return ctx.db.transaction().execute(async (trx) => {
    const updated: CrmContact[] = [];
    const checkpoint = workSlices();
    for (const id of new Set(contactIds)) {
      await checkpoint();
      updated.push(await applyChanges(trx, await editableContact(trx, member, id), changes, ctx.now()));
    }
    return updated;
  });
}

/**
 * Imports contacts from CSV records (columns as in CONTACT_CSV_COLUMNS; Last Name is required), owned by the caller.
 * All or nothing: one bad row imports none and names the line. Imported contacts are marked and not synced.
 */
export async function importContacts(
  ctx: ContactCommandContext,
  identity: MicrosoftIdentity,
  records: Iterable<Record<string, string>>,
): Promise<number> {
  const member = await requireMember(ctx.db, identity);
  const contacts = [];
  for await (const { record, line } of importRecords(records))
    contacts.push({ contact: contactFromCsv(record, line, ctx.now()), ownerId: member.user.id });
  await insertAll(ctx, member, contacts, 'import');
  return contacts.length;
}

/**
 * Data migration from another CRM: as an import, but an optional Contact Owner column (a user's e-mail address)
 * keeps each contact with its owner; only users who manage all records may migrate. Migrated contacts are not synced.
 */
export async function migrateContacts(
  ctx: ContactCommandContext,
  identity: MicrosoftIdentity,
  records: Iterable<Record<string, string>>,
): Promise<number> {
  const member = await requireMember(ctx.db, identity);
  if (!hasPermission(member.user, 'manage_all_records')) throw new AppError('records_permission_denied');
  const owners = new Map<string, string>();
  const contacts = [];
  for await (const { record, line } of importRecords(records)) {
    const contact = contactFromCsv(record, line, ctx.now());
    const ownerEmail = normalizeEmail(record[OWNER_CSV_COLUMN]?.trim() || member.user.email);
    if (!owners.has(ownerEmail)) {
      const owner = await ctx.db
        .selectFrom('users')
        .select(['id', 'status'])
        .where('organisation_id', '=', member.organisation.id)
        .where('email_normalized', '=', ownerEmail)
        .executeTakeFirst();
      if (!owner || owner.status !== 'active')
        throw new AppError('import_invalid', `line ${line}`, {
          detail: `line ${line}: ${OWNER_CSV_COLUMN} ${ownerEmail} is not an active user of this CRM account`,
        });
      owners.set(ownerEmail, owner.id);
    }
    contacts.push({ contact, ownerId: owners.get(ownerEmail)! });
  }
  await insertAll(ctx, member, contacts, 'migration');
  return contacts.length;
}

function contactFromCsv(record: Record<string, string>, line: number, now: Date): NewContact {
  const parsed = newContactSchema.safeParse(contactInputFromCsv(record));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError('import_invalid', `line ${line}`, {
      detail: `line ${line}: ${issue.path.join('.')} ${issue.message}`,
    });
  }
  const problem = contactProblems(parsed.data, now)[0];
  if (problem)
    throw new AppError('import_invalid', `line ${line}`, {
      detail: `line ${line}: ${problem.path} ${problem.message}`,
    });
  return parsed.data;
}

async function insertAll(
  ctx: ContactCommandContext,
  member: Member,
  contacts: { contact: NewContact; ownerId: string }[],
  origin: 'import' | 'migration',
): Promise<void> {
  const now = ctx.now().toISOString();
  const rows = contacts.map(({ contact, ownerId }) => ({
    id: randomUUID(),
    organisation_id: member.organisation.id,
    owner_user_id: ownerId,
    ...contentColumns(contact),
    origin,
    sync_eligible: 0,
    version: 1,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  }));
  await ctx.db.transaction().execute((trx) => insertInChunks(trx, 'contacts', rows));
}

async function editableContact(db: Db, member: Member, contactId: string): Promise<ContactRow> {
  const contact = await db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', contactId)
    .where('organisation_id', '=', member.organisation.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!contact) throw new AppError('contact_not_found');
  if (contact.owner_user_id !== member.user.id && !hasPermission(member.user, 'manage_all_records'))
    throw new AppError('records_permission_denied');
  return contact;
}

function checkContact(contact: NewContact, at: Date): void {
  const problems = contactProblems(contact, at).map((problem) => `${problem.path}: ${problem.message}`);
  if (problems.length) throw new AppError('invalid_request', problems.join('; '), { detail: problems.join('; ') });
}

async function applyChanges(db: Db, current: ContactRow, changes: ContactChanges, at: Date): Promise<CrmContact> {
  const merged: NewContact = { ...contentOf(contactFromRow(current)), ...changes };
  checkContact(merged, at);
  const now = at.toISOString();
  await db
    .updateTable('contacts')
    .set({ ...contentColumns(merged), version: current.version + 1, updated_at: now, sync_eligible: 1 })
    .where('id', '=', current.id)
    .execute();
  await recordSyncChange(db, current.owner_user_id, 'contacts', current.id, now);
  return contactFromRow(
    await db.selectFrom('contacts').selectAll().where('id', '=', current.id).executeTakeFirstOrThrow(),
  );
}
