import type * as Graph from '@microsoft/microsoft-graph-types';
import { randomBytes } from 'node:crypto';
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

/** A custom internet header (`x-…`) as sendMail takes it and Graph's `internetMessageHeaders` lists it. */
export interface InternetMessageHeader {
  name: string;
  value: string;
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
  /**
   * The custom `x-` headers the sender set, as given, on each recipient's copy only: they travel in the MIME message,
   * and the sender's copy in Sent Items has none. Graph shows each as a named property in PS_INTERNET_HEADERS
   * (graph/internetHeaders.ts). Absent on messages without any and on messages stored before it existed.
   */
  internetMessageHeaders?: InternetMessageHeader[];
  /**
   * The single-value extended properties set on the message itself (sendMail's `singleValueExtendedProperties`, an
   * add-in's custom properties among them): item properties, so on the sender's copy in Sent Items only, never on a
   * recipient's. Absent when there are none.
   */
  extendedProperties?: { id: string; value: string }[];
  /**
   * The mailbox's mail change sequence at this message's last change (delivery, read mark): message delta orders a
   * round's changes by it. Absent on messages stored before it existed: 0.
   */
  changeSeq?: number;
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
  /** The last mail change sequence given out (see StoredMessage.changeSeq); absent before it existed: 0. */
  mailSeq?: number;
}

/**
 * One change to a message of a mailbox, for change notifications. The local tenant never deletes or moves a
 * message, so there is no `deleted` change (nor a message leaving a folder) to report.
 */
export interface MessageChange {
  userId: string;
  folder: MailFolderName;
  messageId: string;
  changeType: 'created' | 'updated';
  changeKey: string;
}

/** Graph timestamps of messages: UTC with seconds, no fraction. */
export function messageStamp(date: Date): string {
  return date.toISOString().replace(/\.\d+Z$/, 'Z');
}

/** Outlook ids are long base64 strings; these look alike and are unique per copy. */
export function newMessageId(): string {
  return `AAMkAD${randomBytes(48).toString('base64url')}`;
}

export function messageChangeKey(): string {
  return randomBytes(12).toString('base64');
}

/**
 * Per-user mailboxes (keyed by object id) and the catch-all for mail to addresses no local tenant owns. Every
 * change to a mailbox's mail passes here (Graph's sendMail, meeting mail, the web view), so this is where the change
 * sequence advances and change events start.
 */
export class MailboxStore {
  private readonly listeners: ((change: MessageChange) => void)[] = [];

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

  /** Messages of one folder in the order they were stored (cheaper than `messages`, which sorts). */
  folderMessages(user: Pick<DirectoryUser, 'id'>, folder: MailFolderName): readonly StoredMessage[] {
    return this.mailbox(user).mailFolders[folder];
  }

  /** The mailbox's latest mail change sequence. */
  mailSeq(user: Pick<DirectoryUser, 'id'>): number {
    return this.mailbox(user).mailSeq ?? 0;
  }

  private nextSeq(box: MailboxData): number {
    box.mailSeq = (box.mailSeq ?? 0) + 1;
    return box.mailSeq;
  }

  onChange(listener: (change: MessageChange) => void): void {
    this.listeners.push(listener);
  }

  private emit(user: Pick<DirectoryUser, 'id'>, message: StoredMessage, changeType: MessageChange['changeType']) {
    const change = {
      userId: user.id,
      folder: message.folder,
      messageId: message.id,
      changeType,
      changeKey: message.changeKey,
    };
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure never breaks a delivery.
      }
    }
  }

  deliver(user: Pick<DirectoryUser, 'id'>, message: StoredMessage): void {
    const box = this.mailbox(user);
    message.changeSeq = this.nextSeq(box);
    box.mailFolders[message.folder].push(message);
    this.persist();
    this.emit(user, message, 'created');
  }

  /**
   * Stores many messages at once, saving once and notifying no subscription: history that was already there (a
   * benchmark's or a test's seed), not mail arriving now. Delta sees them like delivered ones.
   */
  seed(user: Pick<DirectoryUser, 'id'>, messages: StoredMessage[]): void {
    const box = this.mailbox(user);
    for (const message of messages) {
      message.changeSeq = this.nextSeq(box);
      box.mailFolders[message.folder].push(message);
    }
    this.persist();
  }

  deliverExternal(message: StoredMessage): void {
    this.externalMail.push(message);
    this.persist();
  }

  external(): StoredMessage[] {
    return [...this.externalMail].reverse().sort((a, b) => b.receivedDateTime.localeCompare(a.receivedDateTime));
  }

  /** Like any change of an Exchange item, reading gives the message a new change key (delta and webhooks see it). */
  markRead(user: Pick<DirectoryUser, 'id'>, messageId: string): void {
    const message = this.message(user, messageId);
    if (message && !message.isRead) {
      message.isRead = true;
      message.changeKey = messageChangeKey();
      message.lastModifiedDateTime = messageStamp(new Date());
      message.changeSeq = this.nextSeq(this.mailbox(user));
      this.persist();
      this.emit(user, message, 'updated');
    }
  }
}
