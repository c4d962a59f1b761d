// The add-in's view of /api/mails (the service's schemas: server/src/crm/mails/mailSchemas.ts), in one file so it
// can move into the shared contract with the others.

export interface MailParty {
  name: string;
  address: string;
}

export interface FiledMailContact {
  id: string;
  name: string;
  email: string;
  /** Whether this user may take the mail off this contact. */
  removable: boolean;
}

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
  attachments: { name: string; size: number; contentType: string }[];
  sensitivity: 'normal' | 'personal' | 'private' | 'confidential';
  filedAt: string;
  contacts: FiledMailContact[];
  /** Only where one mail is read (GET /api/mails/:id). */
  bodyText?: string;
}

/** A CRM contact among a message's sender and recipients. */
export interface InvolvedContact {
  address: string;
  contactId: string;
  name: string;
  ownerName: string;
}

export interface MailLookup {
  mail: FiledMail | null;
  contacts: InvolvedContact[];
}

/** One entry of a contact's timeline (GET /api/contacts/:id/timeline). */
export type TimelineEntry =
  | {
      kind: 'mail';
      id: string;
      at: string;
      subject: string;
      from: MailParty;
      preview: string;
      attachmentCount: number;
    }
  | {
      kind: 'meeting';
      id: string;
      at: string;
      end: string;
      subject: string;
      location: string;
      isAllDay: boolean;
      isSeries: boolean;
    };

export interface TimelinePage {
  entries: TimelineEntry[];
  nextCursor: string | null;
}
