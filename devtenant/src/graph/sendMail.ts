import { randomBytes } from 'node:crypto';
import type { DevTenantContext } from '../context.js';
import type { DirectoryUser } from '../directory/directory.js';
import {
  messageChangeKey,
  newMessageId,
  messageStamp,
  type MailFolderName,
  type Recipient,
  type StoredAttachment,
  type StoredMessage,
} from '../state/mailboxStore.js';
import { wrapHtmlBody } from './messageResource.js';
import type { SendMailInput } from './sendMailSchema.js';

/** Each copy of a message holds its own attachments, with ids of their own (as each mailbox's items do). */
function attachmentsOf(input: SendMailInput, now: Date): StoredAttachment[] {
  return input.attachments.map((a) => ({
    id: `AAMkAD${randomBytes(30).toString('base64url')}`,
    name: a.name,
    contentType: a.contentType,
    size: Buffer.from(a.contentBytes, 'base64').length,
    isInline: a.isInline,
    lastModifiedDateTime: messageStamp(now),
    contentBytes: a.contentBytes,
  }));
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
  deliverMessage(ctx, { name: sender.displayName, address: sender.mail }, input, extra, sender);
}

/**
 * A message from an address outside the local tenants (a customer's, say) arriving in the Inbox of each local
 * recipient; only the web view and the inspection API send these, as a person outside would.
 */
export function receiveFromOutside(
  ctx: DevTenantContext,
  from: { name?: string; address: string },
  input: SendMailInput,
): void {
  deliverMessage(ctx, { name: from.name ?? from.address, address: from.address }, input, {}, undefined);
}

function deliverMessage(
  ctx: DevTenantContext,
  fromAddress: { name: string; address: string },
  input: SendMailInput,
  extra: Partial<StoredMessage>,
  sender: DirectoryUser | undefined,
): void {
  const now = new Date();
  const from: Recipient = { emailAddress: fromAddress };
  const recipients = (list: SendMailInput['to']): Recipient[] =>
    list.map((r) => ({ emailAddress: { name: r.name ?? r.address, address: r.address } }));
  const base = {
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
    sentDateTime: messageStamp(now),
    receivedDateTime: messageStamp(now),
    createdDateTime: messageStamp(now),
    lastModifiedDateTime: messageStamp(now),
    internetMessageId: `<${randomBytes(12).toString('hex').toUpperCase()}@${fromAddress.address.split('@')[1]}>`,
    conversationId: `AAQkAD${randomBytes(24).toString('base64url')}`,
    sensitivity: input.sensitivity,
    // A reply passes its conversation here.
    ...extra,
  };
  const copy = (folder: MailFolderName, extra: Partial<StoredMessage> = {}): StoredMessage => ({
    ...base,
    id: newMessageId(),
    folder,
    bccRecipients: [],
    isRead: folder === 'sentitems',
    changeKey: messageChangeKey(),
    attachments: attachmentsOf(input, now),
    ...extra,
  });

  // Custom headers travel in the MIME message, so each received copy has them and the sender's copy in Sent Items has
  // none; extended properties are properties of the item the sender wrote, so only its copy in Sent Items keeps them
  // (docs/graph-behaviour.md#custom-internet-headers, #add-in-custom-properties).
  const received = (more: Partial<StoredMessage> = {}): StoredMessage =>
    copy('inbox', {
      ...(input.internetMessageHeaders
        ? { internetMessageHeaders: input.internetMessageHeaders.map((h) => ({ ...h })) }
        : {}),
      ...more,
    });
  const seen = new Set<string>();
  const external: string[] = [];
  for (const r of [...input.to, ...input.cc, ...input.bcc]) {
    const key = r.address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const owner = ctx.directory.userByMail(r.address);
    if (owner) ctx.mailboxes.deliver(owner, received());
    else external.push(r.address);
  }
  if (external.length > 0) ctx.mailboxes.deliverExternal(received({ externalRecipients: external }));
  if (sender && input.saveToSentItems)
    ctx.mailboxes.deliver(
      sender,
      copy('sentitems', {
        bccRecipients: recipients(input.bcc),
        ...(input.singleValueExtendedProperties
          ? { extendedProperties: input.singleValueExtendedProperties.map((p) => ({ ...p })) }
          : {}),
      }),
    );
}
