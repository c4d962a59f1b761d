import { z } from 'zod';

/** One message involves at most its sender and 500 recipients (Outlook's limit): contacts one filing may name, addresses one lookup may ask about. */
export const MAX_CONTACTS_PER_FILING = 501;
export const MAX_LOOKUP_ADDRESSES = 501;
/** A timeline page's size: default and largest. */
export const TIMELINE_LIMITS = { default: 20, max: 100 } as const;

// Office.js item ids are base64 of about 150 characters; this leaves room without taking just anything.
const itemId = z.string().trim().min(1).max(1_000);
// RFC 5322 puts no length on a message id; real ones stay well under this.
const internetMessageId = z.string().trim().min(3).max(2_000);

/** POST /api/mails: file the message Outlook shows on these contacts. */
export const fileMailBody = z
  .object({ itemId, contactIds: z.array(z.string().uuid()).min(1).max(MAX_CONTACTS_PER_FILING) })
  .strict();

/** POST /api/mails/lookup: the message's filed copy, if any, and the CRM contacts among its addresses. */
export const mailLookupBody = z
  .object({
    internetMessageId: internetMessageId.optional(),
    addresses: z.array(z.string().trim().max(320)).max(MAX_LOOKUP_ADDRESSES),
  })
  .strict();

export const mailIdParams = z.object({ id: z.string().uuid() });
export const mailContactParams = z.object({ id: z.string().uuid(), contactId: z.string().uuid() });

const party = z.object({ name: z.string(), address: z.string() });

export const filedMailSchema = z.object({
  id: z.string(),
  internetMessageId: z.string(),
  conversationId: z.string(),
  subject: z.string(),
  from: party,
  to: z.array(party),
  cc: z.array(party),
  sentAt: z.string(),
  bodyTruncated: z.boolean(),
  attachments: z.array(z.object({ name: z.string(), size: z.number(), contentType: z.string() })),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']),
  filedAt: z.string(),
  contacts: z.array(z.object({ id: z.string(), name: z.string(), email: z.string(), removable: z.boolean() })),
  bodyText: z.string().optional(),
});

export const mailLookupAnswer = z.object({
  mail: filedMailSchema.nullable(),
  contacts: z.array(z.object({ address: z.string(), contactId: z.string(), name: z.string(), ownerName: z.string() })),
});

/** DELETE answers: the mail as it remains, or null when it left the CRM. */
export const mailRemovalAnswer = z.object({ mail: filedMailSchema.nullable() });

/** GET /api/contacts/:id/timeline: a contact's filed mails and meetings, newest first. */
export const timelineParams = z.object({ id: z.string().uuid() });
export const timelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(TIMELINE_LIMITS.max).default(TIMELINE_LIMITS.default),
  cursor: z.string().max(1_000).optional(),
});

export const timelinePageSchema = z.object({
  entries: z.array(
    z.discriminatedUnion('kind', [
      z.object({
        kind: z.literal('mail'),
        id: z.string(),
        at: z.string(),
        subject: z.string(),
        from: party,
        preview: z.string(),
        attachmentCount: z.number(),
      }),
      z.object({
        kind: z.literal('meeting'),
        id: z.string(),
        at: z.string(),
        end: z.string(),
        subject: z.string(),
        location: z.string(),
        isAllDay: z.boolean(),
        isSeries: z.boolean(),
      }),
    ]),
  ),
  nextCursor: z.string().nullable(),
});

export type FileMailRequest = z.input<typeof fileMailBody>;
export type MailLookupRequest = z.input<typeof mailLookupBody>;
export type FiledMail = z.infer<typeof filedMailSchema>;
export type MailParty = FiledMail['from'];
export type FiledMailContact = FiledMail['contacts'][number];
export type MailLookup = z.infer<typeof mailLookupAnswer>;
export type InvolvedContact = MailLookup['contacts'][number];
export type MailRemoval = z.infer<typeof mailRemovalAnswer>;
export type TimelinePage = z.infer<typeof timelinePageSchema>;
export type TimelineEntry = TimelinePage['entries'][number];

/** POST /api/mails/on-send: a token for the item property that marks a draft to be filed once it is sent. */
export const fileOnSendAnswer = z.object({
  /** The value of the draft's add-in custom property `property` (Office.js loadCustomPropertiesAsync, set, saveAsync). */
  token: z.string(),
  property: z.literal('crmFiling'),
  /** After this, a mail not sent yet is no longer looked for. */
  expiresAt: z.string(),
});
export const fileOnSendParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) });
