import { utcStamp } from '../calendar/timeZones.js';
import type { DevTenantContext } from '../context.js';
import type { DirectoryUser } from '../directory/directory.js';
import { GraphError, graphErrors } from '../graph/graphError.js';
import {
  contactFolderId,
  contactItemId,
  newChangeKey,
  type ContactFields,
  type StoredContact,
  type StoredContactFolder,
} from '../state/contactStore.js';
import { composedDisplayName, type ContactInput } from './contactInput.js';

export type ContactChangeType = 'created' | 'updated' | 'deleted';

/** One change to a contact of a mailbox. */
export interface ContactChange {
  userId: string;
  folderId: string;
  contactId: string;
  changeType: ContactChangeType;
  changeKey: string;
}

function emptyFields(): ContactFields {
  return {
    givenName: null,
    middleName: null,
    surname: null,
    title: null,
    initials: null,
    nickName: null,
    generation: null,
    displayName: '',
    fileAs: '',
    emailAddresses: [],
    businessPhones: [],
    homePhones: [],
    mobilePhone: null,
    jobTitle: null,
    department: null,
    companyName: null,
    officeLocation: null,
    profession: null,
    assistantName: null,
    manager: null,
    spouseName: null,
    birthday: null,
    businessAddress: {},
    homeAddress: {},
    otherAddress: {},
    personalNotes: null,
    businessHomePage: null,
    imAddresses: [],
    categories: [],
    children: [],
    yomiGivenName: null,
    yomiSurname: null,
    yomiCompanyName: null,
  };
}

const NAME_FIELDS: (keyof ContactFields)[] = ['givenName', 'middleName', 'surname'];

function conflict(): GraphError {
  return new GraphError(
    412,
    'ErrorIrresolvableConflict',
    'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  );
}

/**
 * Contact writes of every origin (Graph routes, $batch, the web view): change keys, displayName regeneration,
 * the change sequence that delta reads, and change events for subscriptions.
 */
export class ContactService {
  private readonly listeners: ((change: ContactChange) => void)[] = [];

  constructor(private readonly ctx: DevTenantContext) {}

  onChange(listener: (change: ContactChange) => void): void {
    this.listeners.push(listener);
  }

  private emit(change: ContactChange): void {
    for (const l of this.listeners) {
      try {
        l(change);
      } catch {
        // A listener's failure never breaks a write.
      }
    }
  }

  private get store() {
    return this.ctx.contacts;
  }

  // ---- folders ----

  folder(user: DirectoryUser, id: string): StoredContactFolder {
    const found = this.store.folder(user, id);
    if (!found) throw graphErrors.itemNotFound();
    return found;
  }

  private checkName(user: DirectoryUser, raw: unknown, exceptId?: string): string {
    const name = typeof raw === 'string' ? raw.trim() : '';
    if (!name) throw new GraphError(400, 'ErrorInvalidRequest', "The folder name can't be empty.");
    if (this.store.folders(user).some((f) => f.id !== exceptId && f.displayName.toLowerCase() === name.toLowerCase())) {
      throw new GraphError(409, 'ErrorFolderExists', 'A folder with the specified name already exists.');
    }
    return name;
  }

  createFolder(user: DirectoryUser, input: { displayName?: unknown; parentFolderId?: unknown }): StoredContactFolder {
    const displayName = this.checkName(user, input.displayName);
    const parent =
      typeof input.parentFolderId === 'string' && input.parentFolderId
        ? this.folder(user, input.parentFolderId)
        : this.store.defaultFolder(user);
    const folder: StoredContactFolder = {
      id: contactFolderId(),
      displayName,
      parentFolderId: parent.id,
      isDefault: false,
    };
    this.store.addFolder(user, folder);
    return folder;
  }

  updateFolder(user: DirectoryUser, id: string, input: { displayName?: unknown }): StoredContactFolder {
    const folder = this.folder(user, id);
    if (input.displayName !== undefined) {
      if (folder.isDefault)
        throw new GraphError(400, 'ErrorCannotRenameDefaultFolder', 'The default folder cannot be renamed.');
      folder.displayName = this.checkName(user, input.displayName, id);
    }
    this.store.save();
    return folder;
  }

  /** Deletes a folder, its subfolders and every contact in them (each a `deleted` change). */
  deleteFolder(user: DirectoryUser, id: string): void {
    const folder = this.folder(user, id);
    if (folder.isDefault)
      throw new GraphError(400, 'ErrorDeleteDistinguishedFolder', 'Distinguished folders cannot be deleted.');
    for (const child of this.store.folders(user).filter((f) => f.parentFolderId === id))
      this.deleteFolder(user, child.id);
    for (const contact of [...this.store.contacts(user, id)]) this.deleteContact(user, contact, undefined);
    this.store.removeFolder(user, id);
  }

  // ---- contacts ----

  contact(user: DirectoryUser, id: string, folderId?: string): StoredContact {
    const found = this.store.contact(user, id);
    if (!found || (folderId !== undefined && found.parentFolderId !== folderId)) throw graphErrors.itemNotFound();
    return found;
  }

  createContact(user: DirectoryUser, folderId: string, input: ContactInput): StoredContact {
    this.folder(user, folderId);
    const stamp = utcStamp(Date.now());
    const fields: ContactFields = { ...emptyFields(), ...input.fields };
    if (!fields.displayName) fields.displayName = composedDisplayName(fields);
    const contact: StoredContact = {
      ...fields,
      id: contactItemId(),
      parentFolderId: folderId,
      changeKey: newChangeKey(),
      createdDateTime: stamp,
      lastModifiedDateTime: stamp,
      extendedProperties: input.extendedProperties ?? [],
      seq: this.store.nextSeq(user),
    };
    this.store.addContact(user, contact);
    this.emit({
      userId: user.id,
      folderId,
      contactId: contact.id,
      changeType: 'created',
      changeKey: contact.changeKey,
    });
    return contact;
  }

  private checkEtag(contact: StoredContact, ifMatch: string | undefined): void {
    if (!ifMatch || ifMatch.trim() === '*') return;
    const wanted = ifMatch.split(',').map((s) => s.trim().replace(/^W\//, '').replace(/^"|"$/g, ''));
    if (!wanted.includes(contact.changeKey)) throw conflict();
  }

  /**
   * PATCH: omitted properties keep their value, except displayName: like Exchange it is recalculated when a name part
   * changes and the body carries no displayName (clients must always resend it:
   * docs/graph-behaviour.md#contact-displayname-resend).
   */
  updateContact(
    user: DirectoryUser,
    contact: StoredContact,
    input: ContactInput,
    ifMatch: string | undefined,
  ): StoredContact {
    this.checkEtag(contact, ifMatch);
    const namesChanged = NAME_FIELDS.some(
      (k) => k in input.fields && JSON.stringify(input.fields[k]) !== JSON.stringify(contact[k]),
    );
    Object.assign(contact, input.fields);
    if (!('displayName' in input.fields) && namesChanged) contact.displayName = composedDisplayName(contact);
    if (!contact.displayName) contact.displayName = composedDisplayName(contact);
    if (input.extendedProperties) {
      for (const p of input.extendedProperties) {
        const existing = contact.extendedProperties.find((x) => x.id.toLowerCase() === p.id.toLowerCase());
        if (existing) existing.value = p.value;
        else contact.extendedProperties.push(p);
      }
    }
    contact.changeKey = newChangeKey();
    contact.lastModifiedDateTime = utcStamp(Date.now());
    contact.seq = this.store.nextSeq(user);
    this.store.save();
    this.emit({
      userId: user.id,
      folderId: contact.parentFolderId,
      contactId: contact.id,
      changeType: 'updated',
      changeKey: contact.changeKey,
    });
    return contact;
  }

  deleteContact(user: DirectoryUser, contact: StoredContact, ifMatch: string | undefined): void {
    this.checkEtag(contact, ifMatch);
    this.store.removeContact(user, contact);
    this.emit({
      userId: user.id,
      folderId: contact.parentFolderId,
      contactId: contact.id,
      changeType: 'deleted',
      changeKey: contact.changeKey,
    });
  }
}
