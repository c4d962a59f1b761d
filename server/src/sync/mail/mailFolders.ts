import { MESSAGE_FIELDS } from '../../mail/messageMapping.js';

/** The folders automatic filing reads: what the user received and what they sent (Graph's well-known names). */
export const MAIL_FOLDERS = ['inbox', 'sentitems'] as const;
export type MailFolder = (typeof MAIL_FOLDERS)[number];

/** A mail binding has no container of its own; its container id names the whole mailbox. */
export const MAILBOX_CONTAINER = 'mailbox';

/** How far back automatic filing looks when turned on, and the age past which a mail is never filed automatically. */
export const MAIL_LOOKBACK_DAYS = 30;

/** What a message delta page carries: everything filing keeps, so a mail is read once (attachments apart). */
export const MAIL_DELTA_FIELDS = [...MESSAGE_FIELDS, 'lastModifiedDateTime'];

/** One delta cursor per folder, kept together in the binding's `delta_link` as JSON. */
export type MailCursors = Partial<Record<MailFolder, string>>;

export function parseMailCursors(stored: string | null): MailCursors {
  if (!stored) return {};
  try {
    const parsed = JSON.parse(stored) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    const cursors: MailCursors = {};
    for (const folder of MAIL_FOLDERS) {
      const value = (parsed as Record<string, unknown>)[folder];
      if (typeof value === 'string') cursors[folder] = value;
    }
    return cursors;
  } catch {
    // Not ours (a cursor of an earlier format): both folders start a fresh round, which files nothing twice.
    return {};
  }
}

export function withCursor(cursors: MailCursors, folder: MailFolder, cursor: string | null): string {
  const next: MailCursors = { ...cursors };
  if (cursor === null) delete next[folder];
  else next[folder] = cursor;
  return JSON.stringify(next);
}
