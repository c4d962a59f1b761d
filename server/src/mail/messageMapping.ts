import {
  boundedBody,
  MAX_ATTACHMENTS,
  MAX_RECIPIENTS,
  MAX_SUBJECT_CHARACTERS,
  type MailAttachmentInfo,
  type MailMessage,
  type MailParty,
  type MailSensitivity,
} from '../crm/mails/mailMessage.js';
import { storableText } from '../sync/engine/storableText.js';

/** The message properties filing reads, as Graph names them ($select). */
export const MESSAGE_FIELDS = [
  'internetMessageId',
  'conversationId',
  'subject',
  'from',
  'sender',
  'toRecipients',
  'ccRecipients',
  'sentDateTime',
  'receivedDateTime',
  'body',
  'sensitivity',
  'hasAttachments',
];

interface GraphRecipient {
  emailAddress?: { name?: string | null; address?: string | null } | null;
}

export interface GraphMessage {
  id: string;
  internetMessageId?: string | null;
  conversationId?: string | null;
  subject?: string | null;
  from?: GraphRecipient | null;
  sender?: GraphRecipient | null;
  toRecipients?: GraphRecipient[] | null;
  ccRecipients?: GraphRecipient[] | null;
  sentDateTime?: string | null;
  receivedDateTime?: string | null;
  body?: { contentType?: string | null; content?: string | null } | null;
  sensitivity?: string | null;
  hasAttachments?: boolean | null;
}

export interface GraphAttachment {
  name?: string | null;
  size?: number | null;
  contentType?: string | null;
}

const SENSITIVITIES: readonly MailSensitivity[] = ['normal', 'personal', 'private', 'confidential'];

/** An instant in the form events keep theirs (toISOString), so a contact's timeline orders both alike. */
function instant(value: string | null | undefined): string | undefined {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

function party(recipient: GraphRecipient | null | undefined): MailParty | undefined {
  const address = storableText(recipient?.emailAddress?.address?.trim() ?? '');
  if (address === '') return undefined;
  return { name: storableText(recipient?.emailAddress?.name?.trim() ?? ''), address };
}

function parties(list: GraphRecipient[] | null | undefined): MailParty[] {
  return (list ?? [])
    .slice(0, MAX_RECIPIENTS)
    .map(party)
    .filter((p): p is MailParty => p !== undefined);
}

/**
 * A Graph message (read with `Prefer: outlook.body-content-type="text"`) as the CRM files it: text made storable,
 * sizes bounded. A draft has no internet message id yet and cannot be filed: undefined.
 */
export function mailMessageOf(message: GraphMessage, attachments: GraphAttachment[]): MailMessage | undefined {
  const internetMessageId = storableText(message.internetMessageId?.trim() ?? '');
  if (internetMessageId === '') return undefined;
  const from = party(message.from) ?? party(message.sender) ?? { name: '', address: '' };
  // The preference asked for text; a server that ignored it would hand over markup, which is not filed as text.
  const text = message.body?.contentType?.toLowerCase() === 'html' ? '' : (message.body?.content ?? '');
  const body = boundedBody(storableText(text));
  return {
    internetMessageId,
    conversationId: storableText(message.conversationId ?? ''),
    subject: storableText(message.subject ?? '').slice(0, MAX_SUBJECT_CHARACTERS),
    from,
    to: parties(message.toRecipients),
    cc: parties(message.ccRecipients),
    sentAt: instant(message.sentDateTime) ?? instant(message.receivedDateTime) ?? new Date(0).toISOString(),
    bodyText: body.text,
    bodyTruncated: body.truncated,
    attachments: attachmentInfos(attachments),
    sensitivity: SENSITIVITIES.find((s) => s === message.sensitivity?.toLowerCase()) ?? 'normal',
  };
}

/** Attachments as the CRM keeps them: names, sizes and types, at most MAX_ATTACHMENTS. */
export function attachmentInfos(attachments: GraphAttachment[]): MailAttachmentInfo[] {
  return attachments.slice(0, MAX_ATTACHMENTS).map((a) => ({
    name: storableText(a.name ?? ''),
    size: typeof a.size === 'number' && a.size >= 0 ? a.size : 0,
    contentType: storableText(a.contentType ?? ''),
  }));
}
