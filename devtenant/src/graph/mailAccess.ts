import type { Request, Response } from 'express';
import type { DevTenantContext } from '../context.js';
import type { DirectoryUser } from '../directory/directory.js';
import type { MailFolderName } from '../state/mailboxStore.js';
import { hasPermission } from './graphCaller.js';
import { GraphError, graphErrors } from './graphError.js';
import { callerOf } from './middleware/authenticate.js';

/** Reading messages (list, get, delta, subscriptions). */
export const MAIL_READ = {
  delegated: ['Mail.ReadBasic', 'Mail.Read', 'Mail.ReadWrite'],
  application: ['Mail.ReadBasic.All', 'Mail.Read', 'Mail.ReadWrite'],
};
/** Bodies and attachments: Mail.ReadBasic leaves both out. */
export const MAIL_READ_FULL = {
  delegated: ['Mail.Read', 'Mail.ReadWrite'],
  application: ['Mail.Read', 'Mail.ReadWrite'],
};

/** True when the caller may read messages but not their bodies (Mail.ReadBasic alone). */
export function readsBasicOnly(res: Response): boolean {
  return !hasPermission(callerOf(res), MAIL_READ_FULL);
}

/**
 * The mailbox a path names: /me/... (delegated only) or /users/{id | upn}/... of the caller's tenant.
 * A delegated caller reaches only their own mailbox.
 */
export function targetMailbox(ctx: DevTenantContext, req: Request, res: Response): DirectoryUser {
  const caller = callerOf(res);
  const id = typeof req.params.user === 'string' ? req.params.user : undefined;
  if (id === undefined) {
    if (!caller.user) throw graphErrors.meNeedsDelegated();
    return caller.user;
  }
  const user = ctx.directory.userInTenant(caller.tenant.id, id);
  if (!user) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${id}' is invalid.`);
  if (caller.user && caller.user.id !== user.id) throw graphErrors.mailDenied();
  return user;
}

/** A well-known folder name in any case (`Inbox`, `SentItems`); the local tenant has no other folders. */
export function mailFolderNamed(name: string): MailFolderName | undefined {
  const lower = name.toLowerCase();
  return lower === 'inbox' || lower === 'sentitems' ? lower : undefined;
}

/** The folder of a `/mailFolders/{folder}` path; 404 for any other. */
export function folderOf(req: Request): MailFolderName {
  const folder = mailFolderNamed(String(req.params.folder));
  if (!folder) throw graphErrors.itemNotFound();
  return folder;
}
