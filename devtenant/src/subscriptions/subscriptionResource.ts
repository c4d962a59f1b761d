import type { DevTenantContext } from '../context.js';
import type { GraphCaller } from '../graph/graphCaller.js';
import { GraphError, graphErrors } from '../graph/graphError.js';
import { MAIL_READ, mailFolderNamed } from '../graph/mailAccess.js';
import type { MailFolderName } from '../state/mailboxStore.js';

/** What a subscription watches in one mailbox: events (of one calendar), contacts (of one folder) or messages (of one folder). */
export interface SubscriptionTarget {
  kind: 'events' | 'contacts' | 'messages';
  userId: string;
  calendarId?: string;
  folderId?: string;
  mailFolder?: MailFolderName;
}

const CALENDARS_READ = {
  delegated: ['Calendars.Read', 'Calendars.ReadWrite'],
  application: ['Calendars.Read', 'Calendars.ReadWrite'],
};
const CONTACTS_READ = {
  delegated: ['Contacts.Read', 'Contacts.ReadWrite'],
  application: ['Contacts.Read', 'Contacts.ReadWrite'],
};

const MAILBOX = String.raw`(me|users\/([^/]+))`;
/** The Outlook collections Graph takes as a subscription resource, each with the permission that reads it. */
const RESOURCES = [
  {
    kind: 'events',
    // `…/calendars/{id}/events` is not documented but works (microsoft-graph-docs#13548).
    pattern: new RegExp(String.raw`^${MAILBOX}\/(events|calendar\/events|calendars\/([^/]+)\/events)$`, 'i'),
    permission: CALENDARS_READ,
  },
  {
    kind: 'contacts',
    pattern: new RegExp(String.raw`^${MAILBOX}\/(contacts|contactFolders\/([^/]+)\/contacts)$`, 'i'),
    permission: CONTACTS_READ,
  },
  {
    kind: 'messages',
    // `mailFolders('inbox')/messages` (key form, as Graph writes it) or `mailFolders/inbox/messages`.
    pattern: new RegExp(String.raw`^${MAILBOX}\/(messages|mailFolders(?:\('([^']+)'\)|\/([^/]+))\/messages)$`, 'i'),
    permission: MAIL_READ,
  },
] as const;

/** `/v1.0/users/x/events` and `users/x/events` name the same resource. */
function resourcePath(resource: string): string {
  return resource
    .trim()
    .replace(/^\/+/, '')
    .replace(/^v1\.0\//i, '');
}

function match(resource: string) {
  const path = resourcePath(resource);
  for (const r of RESOURCES) {
    const m = r.pattern.exec(path);
    if (m) return { ...r, m };
  }
  return undefined;
}

/** The read permission a resource needs (Calendars.Read for anything not recognised, as before messages existed). */
export function permissionFor(resource: unknown): typeof CALENDARS_READ {
  return (typeof resource === 'string' ? match(resource)?.permission : undefined) ?? CALENDARS_READ;
}

/** Which mailbox and container a resource names; anything else is refused as Graph refuses it. */
export function parseSubscriptionResource(
  ctx: DevTenantContext,
  caller: GraphCaller,
  resource: string,
): SubscriptionTarget {
  const found = match(resource);
  if (!found)
    throw new GraphError(400, 'ExtensionError', `The value '${resource}' of parameter 'Resource' is not supported.`);
  const { kind, m } = found;
  let userId: string;
  if (m[1]!.toLowerCase() === 'me') {
    if (!caller.user) throw graphErrors.meNeedsDelegated();
    userId = caller.user.id;
  } else {
    const user = ctx.directory.userInTenant(caller.tenant.id, decodeURIComponent(m[2]!.replace(/^\('|'\)$/g, '')));
    if (!user) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${m[2]}' is invalid.`);
    userId = user.id;
  }
  if (caller.user && caller.user.id !== userId) throw graphErrors.mailDenied();
  const user = ctx.directory.userById(userId)!;
  const target = m[3]!.toLowerCase();
  if (kind === 'messages') {
    if (target === 'messages') return { kind, userId };
    const mailFolder = mailFolderNamed(decodeURIComponent(m[4] ?? m[5]!));
    if (!mailFolder) throw graphErrors.itemNotFound();
    return { kind, userId, mailFolder };
  }
  if (kind === 'contacts') {
    if (target === 'contacts') return { kind, userId };
    const folder = ctx.contacts.folder(user, decodeURIComponent(m[4]!));
    if (!folder) throw graphErrors.itemNotFound();
    return { kind, userId, folderId: folder.id };
  }
  if (target === 'events') return { kind, userId };
  if (target === 'calendar/events') return { kind, userId, calendarId: ctx.calendars.defaultCalendar(user).id };
  const calendar = ctx.calendars.calendar(user, decodeURIComponent(m[4]!));
  if (!calendar) throw graphErrors.itemNotFound();
  return { kind, userId, calendarId: calendar.id };
}
