/** A person in a mail header. */
export interface MailParty {
  name: string;
  address: string;
}

export interface MailAttachmentInfo {
  name: string;
  size: number;
  contentType: string;
}

export type MailSensitivity = 'normal' | 'personal' | 'private' | 'confidential';

/** A message as the CRM files it, read from the user's mailbox (see messageReader.ts). */
export interface MailMessage {
  internetMessageId: string;
  conversationId: string;
  subject: string;
  from: MailParty;
  to: MailParty[];
  cc: MailParty[];
  sentAt: string;
  /** The body as plain text (Graph reduces HTML), already bounded by boundedBody. */
  bodyText: string;
  bodyTruncated: boolean;
  attachments: MailAttachmentInfo[];
  sensitivity: MailSensitivity;
}

// A filed mail is a record to read on a timeline, not an archive (docs/product-rules.md#r-filed-mail-bounded): 100,000 characters of text (about 100 KB) keep
// any real letter whole while a pasted log or a newsletter cannot fill the database. The rest is cut and marked.
export const MAX_BODY_CHARACTERS = 100_000;
// Outlook's own recipient limit is 500 per message; more are not a message a person wrote.
export const MAX_RECIPIENTS = 500;
// Names and sizes only; a message with more attachments than this keeps the first ones listed.
export const MAX_ATTACHMENTS = 100;
// Outlook allows 255 characters in a subject; other mailers send longer ones.
export const MAX_SUBJECT_CHARACTERS = 1_000;

/** The text as stored: at most MAX_BODY_CHARACTERS, never cutting a character in half. */
export function boundedBody(text: string): { text: string; truncated: boolean } {
  if (text.length <= MAX_BODY_CHARACTERS) return { text, truncated: false };
  let end = MAX_BODY_CHARACTERS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncated: true };
}

/** Every address the message was exchanged between, lower-cased, without repeats. */
export function participantAddresses(message: Pick<MailMessage, 'from' | 'to' | 'cc'>): string[] {
  const all = [message.from, ...message.to, ...message.cc].map((p) => p.address.trim().toLowerCase());
  return [...new Set(all.filter((a) => a !== ''))];
}
