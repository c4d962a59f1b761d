import type * as Graph from '@microsoft/microsoft-graph-types';
import { randomBytes } from 'node:crypto';
import type { DirectoryUser } from '../directory/directory.js';
import type { Complete } from '../graph/graphTypes.js';
import type { ExtendedProperty } from './calendarStore.js';
import { newChangeKey } from './calendarStore.js';
import type { EmailAddress, MailboxStore } from './mailboxStore.js';

/** A contact's address as stored: the parts a client wrote (Graph answers `{}` for an empty one). */
export type PhysicalAddress = Partial<Complete<Graph.PhysicalAddress>>;

/** Graph's contact properties that hold text: null when empty, as Graph answers. */
type ContactText =
  | 'givenName'
  | 'middleName'
  | 'surname'
  | 'title'
  | 'initials'
  | 'nickName'
  | 'generation'
  | 'mobilePhone'
  | 'jobTitle'
  | 'department'
  | 'companyName'
  | 'officeLocation'
  | 'profession'
  | 'assistantName'
  | 'manager'
  | 'spouseName'
  | 'birthday'
  | 'personalNotes'
  | 'businessHomePage'
  | 'yomiGivenName'
  | 'yomiSurname'
  | 'yomiCompanyName';

/** Graph's contact properties that always have a value: computed names, lists (empty when none), addresses. */
type ContactAlwaysSet =
  | 'displayName'
  | 'fileAs'
  | 'emailAddresses'
  | 'businessPhones'
  | 'homePhones'
  | 'imAddresses'
  | 'categories'
  | 'children'
  | 'businessAddress'
  | 'homeAddress'
  | 'otherAddress';

/** What a client can write on a contact (Graph names); absent = null / empty. */
export interface ContactFields
  extends Required<Pick<Graph.Contact, ContactText>>, Complete<Pick<Graph.Contact, ContactAlwaysSet>> {
  emailAddresses: EmailAddress[];
  businessAddress: PhysicalAddress;
  homeAddress: PhysicalAddress;
  otherAddress: PhysicalAddress;
}

export interface StoredContact extends ContactFields {
  id: string;
  parentFolderId: string;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  extendedProperties: ExtendedProperty[];
  /** The mailbox contact sequence of the last write (delta reads it). */
  seq: number;
}

export interface StoredContactFolder {
  id: string;
  displayName: string;
  parentFolderId: string;
  /** The mailbox's default "Contacts" folder: not listed by /contactFolders, cannot be deleted. */
  isDefault: boolean;
}

export interface ContactTombstone {
  id: string;
  folderId: string;
  seq: number;
}

export interface ContactSection {
  folders: StoredContactFolder[];
  contacts: StoredContact[];
  seq: number;
  tombstones: ContactTombstone[];
}

const MAX_TOMBSTONES = 2000;

export function contactItemId(): string {
  return `AAMkAD${randomBytes(42).toString('base64url')}`;
}

export function contactFolderId(): string {
  return `AAMkAD${randomBytes(30).toString('base64url')}AAA=`;
}

export { newChangeKey };

/** Contact folders and contacts of each mailbox, stored inside MailboxData.contacts (persisted with the mailbox). */
export class ContactStore {
  constructor(private readonly mailboxes: MailboxStore) {}

  section(user: Pick<DirectoryUser, 'id'>): ContactSection {
    const box = this.mailboxes.mailbox(user);
    if (!box.contacts) {
      // The msgfolderroot id is never exposed as an item; it is only the default folder's parentFolderId.
      box.contacts = {
        folders: [
          { id: contactFolderId(), displayName: 'Contacts', parentFolderId: contactFolderId(), isDefault: true },
        ],
        contacts: [],
        seq: 0,
        tombstones: [],
      };
    }
    return box.contacts;
  }

  defaultFolder(user: Pick<DirectoryUser, 'id'>): StoredContactFolder {
    return this.section(user).folders.find((f) => f.isDefault)!;
  }

  /** All folders including the default one. */
  folders(user: Pick<DirectoryUser, 'id'>): StoredContactFolder[] {
    return this.section(user).folders;
  }

  folder(user: Pick<DirectoryUser, 'id'>, id: string): StoredContactFolder | undefined {
    return this.section(user).folders.find((f) => f.id === id);
  }

  contacts(user: Pick<DirectoryUser, 'id'>, folderId?: string): StoredContact[] {
    const all = this.section(user).contacts;
    return folderId ? all.filter((c) => c.parentFolderId === folderId) : all;
  }

  contact(user: Pick<DirectoryUser, 'id'>, id: string): StoredContact | undefined {
    return this.section(user).contacts.find((c) => c.id === id);
  }

  nextSeq(user: Pick<DirectoryUser, 'id'>): number {
    const section = this.section(user);
    section.seq += 1;
    return section.seq;
  }

  addFolder(user: Pick<DirectoryUser, 'id'>, folder: StoredContactFolder): void {
    this.section(user).folders.push(folder);
    this.save();
  }

  removeFolder(user: Pick<DirectoryUser, 'id'>, id: string): void {
    const section = this.section(user);
    section.folders = section.folders.filter((f) => f.id !== id);
    this.save();
  }

  addContact(user: Pick<DirectoryUser, 'id'>, contact: StoredContact): void {
    this.section(user).contacts.push(contact);
    this.save();
  }

  removeContact(user: Pick<DirectoryUser, 'id'>, contact: StoredContact): void {
    const section = this.section(user);
    section.contacts = section.contacts.filter((c) => c.id !== contact.id);
    section.tombstones.push({ id: contact.id, folderId: contact.parentFolderId, seq: this.nextSeq(user) });
    if (section.tombstones.length > MAX_TOMBSTONES)
      section.tombstones.splice(0, section.tombstones.length - MAX_TOMBSTONES);
    this.save();
  }

  save(): void {
    this.mailboxes.save();
  }
}
