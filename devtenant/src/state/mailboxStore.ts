import type * as Graph from '@microsoft/microsoft-graph-types';
import type { DirectoryUser } from '../directory/directory.js';
import type { Complete } from '../graph/graphTypes.js';
import type { CalendarSection } from './calendarStore.js';
import type { ContactSection } from './contactStore.js';

/** An address as stored: always with the address, the name when one was given. */
export type EmailAddress = Pick<Complete<Graph.EmailAddress>, 'address'> & Partial<Complete<Graph.EmailAddress>>;
export interface Recipient extends Complete<Graph.Recipient> {
  emailAddress: EmailAddress;
}

/** Graph's message sensitivity; Outlook's "private" and "confidential" marks. */
export type Sensitivity = 'normal' | 'personal' | 'private' | 'confidential';
export const SENSITIVITIES: readonly Sensitivity[] = ['normal', 'personal', 'private', 'confidential'];

/** A file attached to a message (Graph's fileAttachment); the content is kept base64-encoded as Graph returns it. */
export interface StoredAttachment {
  id: string;
  name: string;
  contentType: string;
  /** Bytes of the decoded content. */
  size: number;
  isInline: boolean;
  lastModifiedDateTime: string;
  contentBytes: string;
}

/** A message as stored; the Graph representation is derived from it (graph/messageResource.ts). */
export interface StoredMessage {
  id: string;
  folder: MailFolderName;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  from: Recipient;
  sender: Recipient;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  bccRecipients: Recipient[];
  replyTo: Recipient[];
  sentDateTime: string;
  receivedDateTime: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  isRead: boolean;
  internetMessageId: string;
  conversationId: string;
  changeKey: string;
  /** For the external catch-all only: the addresses that no local mailbox owns. */
  externalRecipients?: string[];
  /** Meeting mail (Graph's eventMessage): request or cancellation, with the meeting it is about. */
  meetingMessageType?: 'meetingRequest' | 'meetingCancelled';
  meeting?: { iCalUId: string; start: string; end: string; location: string; eventId?: string };
  /** The text/plain part of a MIME message, kept next to the HTML body. */
  textBody?: string;
  /** Absent on messages stored before it existed: "normal". */
  sensitivity?: Sensitivity;
  attachments?: StoredAttachment[];
}

export type MailFolderName = 'inbox' | 'sentitems';
export const MAIL_FOLDERS: readonly MailFolderName[] = ['inbox', 'sentitems'];

/**
 * One user's mailbox. Mail folders today; calendars, contact folders and delta state will be added
 * here as further keys so that each resource keeps its own section.
 */
export interface MailboxData {
  userId: string;
  mailFolders: Record<MailFolderName, StoredMessage[]>;
  /** Calendars, events and their change sequence (state/calendarStore.ts); created on first use. */
  calendar?: CalendarSection;
  /** Contact folders, contacts and their change sequence (state/contactStore.ts); created on first use. */
  contacts?: ContactSection;
}

/** Per-user mailboxes (keyed by object id) and the catch-all for mail to addresses no local tenant owns. */
export class MailboxStore {
  constructor(
    private readonly mailboxes: Record<string, MailboxData>,
    private readonly externalMail: StoredMessage[],
    private readonly persist: () => void,
  ) {}

  /** Every mailbox that exists so far. */
  all(): MailboxData[] {
    return Object.values(this.mailboxes);
  }

  /** Saves after a change made directly to a mailbox's data. */
  save(): void {
    this.persist();
  }

  mailbox(user: Pick<DirectoryUser, 'id'>): MailboxData {
    let box = this.mailboxes[user.id];
    if (!box) {
      box = { userId: user.id, mailFolders: { inbox: [], sentitems: [] } };
      this.mailboxes[user.id] = box;
    }
    return box;
  }

  /** Messages of one folder, newest first. */
  messages(user: Pick<DirectoryUser, 'id'>, folder?: MailFolderName): StoredMessage[] {
    const box = this.mailbox(user);
    const list = folder ? [...box.mailFolders[folder]] : MAIL_FOLDERS.flatMap((f) => box.mailFolders[f]);
    // Timestamps have whole seconds; reversing first keeps the later delivery first among equals (sort is stable).
    return list.reverse().sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
  }

  message(user: Pick<DirectoryUser, 'id'>, messageId: string): StoredMessage | undefined {
    const box = this.mailbox(user);
    for (const folder of MAIL_FOLDERS) {
      const found = box.mailFolders[folder].find((m) => m.id === messageId);
      if (found) return found;
    }
    return undefined;
  }

  /** Finds a message in any mailbox (for web links that carry only the id). */
  locate(messageId: string): { userId: string; message: StoredMessage } | undefined {
    for (const box of Object.values(this.mailboxes)) {
      for (const folder of MAIL_FOLDERS) {
        const message = box.mailFolders[folder].find((m) => m.id === messageId);
        if (message) return { userId: box.userId, message };
      }
    }
    return undefined;
  }

  deliver(user: Pick<DirectoryUser, 'id'>, message: StoredMessage): void {
    this.mailbox(user).mailFolders[message.folder].push(message);
    this.persist();
  }

  deliverExternal(message: StoredMessage): void {
    this.externalMail.push(message);
    this.persist();
  }

  external(): StoredMessage[] {
    return [...this.externalMail].reverse().sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
  }

  markRead(user: Pick<DirectoryUser, 'id'>, messageId: string): void {
    const message = this.message(user, messageId);
    if (message && !message.isRead) {
      message.isRead = true;
      this.persist();
    }
  }
}
