import { randomBytes } from 'node:crypto';
import type { DevTenantContext } from '../context.js';
import { wrapHtmlBody } from '../graph/messageResource.js';
import {
  messageChangeKey,
  newMessageId,
  MAIL_FOLDERS,
  type MailFolderName,
  type Recipient,
  type Sensitivity,
  type StoredMessage,
} from '../state/mailboxStore.js';

/** A message to place in a mailbox as it stands, with the times the caller chooses. */
export interface SeedMessage {
  /** ISO 8601, e.g. `2026-03-01T09:30:00Z`; stored to the second in UTC as Graph gives it. */
  receivedDateTime: string;
  subject: string;
  /** `inbox` (default) or `sentitems`. */
  folder?: MailFolderName;
  /** The sender; for `inbox` default `customer@example.org`, for `sentitems` the mailbox's owner. */
  from?: { name?: string; address: string };
  /** Default: the mailbox's owner for `inbox`, `customer@example.org` for `sentitems`. */
  to?: { name?: string; address: string }[];
  cc?: { name?: string; address: string }[];
  body?: { contentType: 'text' | 'html'; content: string };
  /** Default: false in the Inbox, true in Sent Items (as delivery leaves them). */
  isRead?: boolean;
  sensitivity?: Sensitivity;
  /** Default: a new conversation per message. */
  conversationId?: string;
  /** Default: `receivedDateTime`. */
  sentDateTime?: string;
}

const OUTSIDE = { name: 'Customer', address: 'customer@example.org' };

function utcSecond(value: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`Not a date and time: '${value}'.`);
  return new Date(ms).toISOString().replace(/\.\d+Z$/, 'Z');
}

/**
 * Places messages straight into a mailbox (by UPN) with the received times given: for benchmarks and tests that need
 * a large or dated history. The state is saved once and no subscription is notified (the mail was already there);
 * message delta reports them like delivered mail. Returns the stored messages' ids in the order given.
 */
export function seedMessages(ctx: DevTenantContext, upn: string, messages: SeedMessage[]): string[] {
  const owner = ctx.directory.userByUpn(upn);
  if (!owner) throw new Error(`No local mailbox ${upn}.`);
  const self = { name: owner.displayName, address: owner.mail };
  const recipients = (list: { name?: string; address: string }[]): Recipient[] =>
    list.map((r) => ({ emailAddress: { name: r.name ?? r.address, address: r.address } }));
  const stored = messages.map((m): StoredMessage => {
    const folder = m.folder ?? 'inbox';
    if (!MAIL_FOLDERS.includes(folder)) throw new Error(`No mail folder '${String(folder)}': inbox or sentitems.`);
    const from: Recipient = {
      emailAddress: m.from
        ? { name: m.from.name ?? m.from.address, address: m.from.address }
        : folder === 'inbox'
          ? OUTSIDE
          : self,
    };
    const received = utcSecond(m.receivedDateTime);
    const body = m.body ?? { contentType: 'text' as const, content: m.subject };
    return {
      id: newMessageId(),
      folder,
      subject: m.subject,
      body: {
        contentType: body.contentType,
        content: body.contentType === 'html' ? wrapHtmlBody(body.content) : body.content,
      },
      from,
      sender: from,
      toRecipients: recipients(m.to ?? [folder === 'inbox' ? self : OUTSIDE]),
      ccRecipients: recipients(m.cc ?? []),
      bccRecipients: [],
      replyTo: [],
      sentDateTime: m.sentDateTime ? utcSecond(m.sentDateTime) : received,
      receivedDateTime: received,
      createdDateTime: received,
      lastModifiedDateTime: received,
      isRead: m.isRead ?? folder === 'sentitems',
      internetMessageId: `<${randomBytes(12).toString('hex').toUpperCase()}@${from.emailAddress.address.split('@')[1]}>`,
      conversationId: m.conversationId ?? `AAQkAD${randomBytes(24).toString('base64url')}`,
      changeKey: messageChangeKey(),
      sensitivity: m.sensitivity ?? 'normal',
      attachments: [],
    };
  });
  ctx.mailboxes.seed(owner, stored);
  return stored.map((m) => m.id);
}
