import type { FiledMailsTable } from '../../store/schema.js';
import type { MailAttachmentInfo, MailParty, MailSensitivity } from './mailMessage.js';

/** A contact a filed mail is on, as the pane lists it. */
export interface FiledMailContact {
  id: string;
  name: string;
  email: string;
  /** Whether the caller may take the mail off this contact: they filed it there, or may change the contact. */
  removable: boolean;
}

/** A filed mail as the API gives it; `bodyText` only where one mail is read. */
export interface FiledMail {
  id: string;
  internetMessageId: string;
  conversationId: string;
  subject: string;
  from: MailParty;
  to: MailParty[];
  cc: MailParty[];
  sentAt: string;
  bodyTruncated: boolean;
  attachments: MailAttachmentInfo[];
  sensitivity: MailSensitivity;
  filedAt: string;
  contacts: FiledMailContact[];
  bodyText?: string;
}

type MailRow = FiledMailsTable;

export function mailFromRow(row: MailRow, contacts: FiledMailContact[], withBody: boolean): FiledMail {
  return {
    id: row.id,
    internetMessageId: row.internet_message_id,
    conversationId: row.conversation_id,
    subject: row.subject,
    from: { name: row.from_name, address: row.from_address },
    to: JSON.parse(row.to_recipients) as MailParty[],
    cc: JSON.parse(row.cc_recipients) as MailParty[],
    sentAt: row.sent_at,
    bodyTruncated: row.body_truncated === 1,
    attachments: JSON.parse(row.attachments) as MailAttachmentInfo[],
    sensitivity: row.sensitivity as MailSensitivity,
    filedAt: row.filed_at,
    contacts,
    ...(withBody ? { bodyText: row.body_text } : {}),
  };
}
