import { randomBytes } from 'node:crypto';
import type { DevTenantContext } from '../context.js';
import type { DirectoryUser } from '../directory/directory.js';
import type { MailFolderName, Recipient, StoredMessage } from '../state/mailboxStore.js';
import { wrapHtmlBody } from './messageResource.js';
import type { SendMailInput } from './sendMailSchema.js';

/** Outlook ids are long base64 strings; these look alike and are unique per copy. */
function outlookId(): string {
  return `AAMkAD${randomBytes(48).toString('base64url')}`;
}

/** Graph timestamps of messages: UTC with seconds, no fraction. */
function stamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/**
 * Delivers a sent message: a copy in the Inbox of every recipient that is a mailbox of a local tenant,
 * one copy in the external catch-all for all other addresses, and the sender's copy in Sent Items.
 */
export function sendMail(
  ctx: DevTenantContext,
  sender: DirectoryUser,
  input: SendMailInput,
  extra: Partial<StoredMessage> = {},
): void {
  const now = new Date();
  const from: Recipient = { emailAddress: { name: sender.displayName, address: sender.mail } };
  const recipients = (list: SendMailInput['to']): Recipient[] =>
    list.map((r) => ({ emailAddress: { name: r.name ?? r.address, address: r.address } }));
  const base = {
    ...extra,
    subject: input.subject,
    body: {
      contentType: input.contentType,
      content: input.contentType === 'html' ? wrapHtmlBody(input.content) : input.content,
    },
    from,
    sender: from,
    toRecipients: recipients(input.to),
    ccRecipients: recipients(input.cc),
    replyTo: [],
    sentDateTime: stamp(now),
    receivedDateTime: stamp(now),
    createdDateTime: stamp(now),
    lastModifiedDateTime: stamp(now),
    internetMessageId: `<${randomBytes(12).toString('hex').toUpperCase()}@${sender.mail.split('@')[1]}>`,
    conversationId: `AAQkAD${randomBytes(24).toString('base64url')}`,
  };
  const copy = (folder: MailFolderName, extra: Partial<StoredMessage> = {}): StoredMessage => ({
    ...base,
    id: outlookId(),
    folder,
    bccRecipients: [],
    isRead: folder === 'sentitems',
    changeKey: randomBytes(12).toString('base64'),
    ...extra,
  });

  const seen = new Set<string>();
  const external: string[] = [];
  for (const r of [...input.to, ...input.cc, ...input.bcc]) {
    const key = r.address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const owner = ctx.directory.userByMail(r.address);
    if (owner) ctx.mailboxes.deliver(owner, copy('inbox'));
    else external.push(r.address);
  }
  if (external.length > 0) ctx.mailboxes.deliverExternal(copy('inbox', { externalRecipients: external }));
  if (input.saveToSentItems) ctx.mailboxes.deliver(sender, copy('sentitems', { bccRecipients: recipients(input.bcc) }));
}
