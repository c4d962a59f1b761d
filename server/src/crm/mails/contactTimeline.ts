import { sql, type Kysely } from 'kysely';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/schema.js';
import type { Member } from '../member.js';
import { hasPermission } from '../permissions.js';
import { attends } from '../events/eventListing.js';
import { visibleTo } from './mailVisibility.js';

/** One entry of a contact's timeline: a mail filed on the contact, or a meeting the contact attends. */
export type TimelineEntry =
  | {
      kind: 'mail';
      id: string;
      /** When it was sent. */
      at: string;
      subject: string;
      from: { name: string; address: string };
      preview: string;
      attachmentCount: number;
    }
  | {
      kind: 'meeting';
      id: string;
      /** When it starts (a series: its first occurrence). */
      at: string;
      end: string;
      subject: string;
      location: string;
      isAllDay: boolean;
      isSeries: boolean;
    };

export interface TimelinePage {
  entries: TimelineEntry[];
  /** Pass back as `cursor` for the next, older page; null at the end. */
  nextCursor: string | null;
}

const PREVIEW_CHARACTERS = 200;

/** Where a page ends: newest first by time; at the same time mails before meetings, then by id. */
interface Cursor {
  at: string;
  kind: 'mail' | 'meeting';
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<Cursor>;
    if (
      typeof value.at === 'string' &&
      typeof value.id === 'string' &&
      (value.kind === 'mail' || value.kind === 'meeting')
    )
      return { at: value.at, kind: value.kind, id: value.id };
  } catch {
    // falls through to the refusal
  }
  throw new AppError('invalid_request', 'cursor is not one this service gave', { detail: 'cursor' });
}

const RANK = { mail: 1, meeting: 0 } as const;

/** Newest first: later time, then mail before meeting, then the larger id. */
function newerFirst(a: Cursor, b: Cursor): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.kind !== b.kind) return RANK[b.kind] - RANK[a.kind];
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * A contact's filed mails and meetings, newest first, paged by keyset: each side reads at most one page past the
 * cursor from its own index range, and the two are merged. Only what the caller may see: mails by the filed-mail
 * rule, meetings the caller owns (all of the organisation's for those who manage all records).
 */
export async function contactTimeline(
  db: Kysely<Database>,
  member: Member,
  contactId: string,
  request: { limit: number; cursor?: string },
): Promise<TimelinePage> {
  const contact = await db
    .selectFrom('contacts')
    .select(['id', 'email', 'secondary_email', 'tertiary_email'])
    .where('id', '=', contactId)
    .where('organisation_id', '=', member.organisation.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!contact) throw new AppError('contact_not_found');
  const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor);
  const take = request.limit + 1;

  let mails = db
    .selectFrom('filed_mails')
    .innerJoin('filed_mail_links', 'filed_mail_links.filed_mail_id', 'filed_mails.id')
    .select([
      'filed_mails.id',
      'filed_mails.sent_at',
      'filed_mails.subject',
      'filed_mails.from_name',
      'filed_mails.from_address',
      'filed_mails.attachments',
      sql<string>`substr(filed_mails.body_text, 1, ${PREVIEW_CHARACTERS})`.as('preview'),
    ])
    .where('filed_mail_links.contact_id', '=', contact.id)
    .where(visibleTo(member));
  if (cursor)
    mails =
      cursor.kind === 'mail'
        ? mails.where((eb) =>
            eb.or([
              eb('filed_mails.sent_at', '<', cursor.at),
              eb.and([eb('filed_mails.sent_at', '=', cursor.at), eb('filed_mails.id', '<', cursor.id)]),
            ]),
          )
        : mails.where('filed_mails.sent_at', '<', cursor.at);
  const mailRows = await mails
    .orderBy('filed_mails.sent_at', 'desc')
    .orderBy('filed_mails.id', 'desc')
    .limit(take)
    .execute();

  const addresses = [contact.email, contact.secondary_email, contact.tertiary_email].filter((a) => a.trim() !== '');
  let meetingRows: {
    id: string;
    start_utc: string;
    end_utc: string;
    subject: string;
    location: string;
    is_all_day: number;
    recurrence: string | null;
  }[] = [];
  if (addresses.length > 0) {
    let meetings = db
      .selectFrom('events')
      .select(['id', 'start_utc', 'end_utc', 'subject', 'location', 'is_all_day', 'recurrence'])
      .where('organisation_id', '=', member.organisation.id)
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or(addresses.map((address) => attends(eb, address))));
    if (!hasPermission(member.user, 'manage_all_records'))
      meetings = meetings.where('owner_user_id', '=', member.user.id);
    if (cursor)
      meetings =
        cursor.kind === 'meeting'
          ? meetings.where((eb) =>
              eb.or([
                eb('start_utc', '<', cursor.at),
                eb.and([eb('start_utc', '=', cursor.at), eb('id', '<', cursor.id)]),
              ]),
            )
          : meetings.where('start_utc', '<=', cursor.at);
    meetingRows = await meetings.orderBy('start_utc', 'desc').orderBy('id', 'desc').limit(take).execute();
  }

  const merged: TimelineEntry[] = [
    ...mailRows.map((row): TimelineEntry => ({
      kind: 'mail',
      id: row.id,
      at: row.sent_at,
      subject: row.subject,
      from: { name: row.from_name, address: row.from_address },
      preview: row.preview.replace(/\s+/g, ' ').trim(),
      attachmentCount: (JSON.parse(row.attachments) as unknown[]).length,
    })),
    ...meetingRows.map((row): TimelineEntry => ({
      kind: 'meeting',
      id: row.id,
      at: row.start_utc,
      end: row.end_utc,
      subject: row.subject,
      location: row.location,
      isAllDay: row.is_all_day === 1,
      isSeries: row.recurrence !== null,
    })),
  ].sort((a, b) => newerFirst(a, b));
  const entries = merged.slice(0, request.limit);
  const last = entries[entries.length - 1];
  return {
    entries,
    nextCursor:
      merged.length > request.limit && last ? encodeCursor({ at: last.at, kind: last.kind, id: last.id }) : null,
  };
}
