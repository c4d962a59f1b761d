import { z } from 'zod';
import { CONTACT_LIMITS as MAX } from '../fieldLimits.js';
import { recordIdParams } from './records.js';

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const emailAddress = text(MAX.email).refine(
  (value) => value === '' || z.email().safeParse(value).success,
  'must be an e-mail address like name@example.com',
);
// Digits, spaces and the usual separators; an extension like "x12" or "ext. 12" is common in CRM data.
const phone = text(MAX.phone).regex(
  /^$|^\+?[0-9 ()./-]*[0-9][0-9 ()./-]*(?:\s*(?:x|ext\.?)\s*[0-9]+)?$/i,
  'must be a phone number like +49 40 1234567',
);
const website = text(MAX.website).refine(
  (value) => value === '' || isWebAddress(value),
  'must be a web address like https://www.example.com',
);
const twitter = text(MAX.twitter).regex(
  /^$|^@?[A-Za-z0-9_]{1,15}$/,
  'must be a handle like @contoso (letters, digits, underscore)',
);
const dateOfBirth = z.string().refine(isCalendarDate, 'must be a real date like 1980-04-23');

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Whether a string is a YYYY-MM-DD date that exists in the calendar (no 30 February). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const fields = {
  salutation: text(MAX.salutation),
  firstName: text(MAX.firstName),
  lastName: text(MAX.lastName).min(1, 'is required'),
  middleName: text(MAX.middleName),
  title: text(MAX.title),
  department: text(MAX.department),
  accountName: text(MAX.accountName),
  email: emailAddress,
  secondaryEmail: emailAddress,
  tertiaryEmail: emailAddress,
  phone,
  otherPhone: phone,
  mobile: phone,
  homePhone: phone,
  fax: phone,
  assistant: text(MAX.assistant),
  asstPhone: phone,
  dateOfBirth: dateOfBirth.nullable(),
  mailingStreet: text(MAX.mailingStreet),
  mailingCity: text(MAX.mailingCity),
  mailingState: text(MAX.mailingState),
  mailingZip: text(MAX.mailingZip),
  mailingCountry: text(MAX.mailingCountry),
  otherStreet: text(MAX.otherStreet),
  otherCity: text(MAX.otherCity),
  otherState: text(MAX.otherState),
  otherZip: text(MAX.otherZip),
  otherCountry: text(MAX.otherCountry),
  description: z.string().max(MAX.description, `must be at most ${MAX.description} characters`),
  website,
  skypeId: text(MAX.skypeId),
  twitter,
  emailOptOut: z.boolean(),
  leadSource: text(MAX.leadSource),
};

const fullContactSchema = z.object(fields).strict();

/** A contact's fields, all present. */
export type NewContact = z.infer<typeof fullContactSchema>;

/** The value of every field before anything is filled in. */
export const EMPTY_CONTACT: Omit<NewContact, 'lastName'> = {
  salutation: '',
  firstName: '',
  middleName: '',
  title: '',
  department: '',
  accountName: '',
  email: '',
  secondaryEmail: '',
  tertiaryEmail: '',
  phone: '',
  otherPhone: '',
  mobile: '',
  homePhone: '',
  fax: '',
  assistant: '',
  asstPhone: '',
  dateOfBirth: null,
  mailingStreet: '',
  mailingCity: '',
  mailingState: '',
  mailingZip: '',
  mailingCountry: '',
  otherStreet: '',
  otherCity: '',
  otherState: '',
  otherZip: '',
  otherCountry: '',
  description: '',
  website: '',
  skypeId: '',
  twitter: '',
  emailOptOut: false,
  leadSource: '',
};

/** POST /api/contacts: a new contact, as the contacts view sends it: a last name at least, everything else optional. */
export const newContactSchema = fullContactSchema
  .partial()
  .required({ lastName: true })
  .transform((value): NewContact => ({ ...EMPTY_CONTACT, ...value }))
  .meta({ id: 'NewContact' });

/** PATCH /api/contacts/:id: any subset of the fields. */
export const contactChangesSchema = z.object(fields).partial().strict().meta({ id: 'ContactChanges' });
export type ContactChanges = z.infer<typeof contactChangesSchema>;

export type ContactInput = z.input<typeof newContactSchema>;

/** GET /api/contacts: the caller's own contacts, filtered when q is not empty. */
export const contactListQuery = z.object({ q: z.string().max(200).optional() });

/** GET /api/contacts/lookup: any contact of the organisation with this address as one of its e-mails. */
export const contactLookupQuery = z.object({
  email: z.string().trim().max(320).pipe(z.email('must be an e-mail address like name@example.com')),
});

export const contactIdParams = recordIdParams;

/**
 * The Graph contact properties the contact sync can map to (the service's offer gives each its type and caps), and
 * the parts of Graph's three addresses: what the add-in must have a name for in each language.
 */
export const GRAPH_CONTACT_PROPERTY_NAMES = [
  'title',
  'givenName',
  'middleName',
  'surname',
  'jobTitle',
  'department',
  'companyName',
  'assistantName',
  'birthday',
  'personalNotes',
  'businessHomePage',
  'mobilePhone',
  'emailAddresses',
  'businessPhones',
  'homePhones',
  'imAddresses',
] as const;
export const GRAPH_ADDRESS_NAMES = ['businessAddress', 'homeAddress', 'otherAddress'] as const;
export const GRAPH_ADDRESS_PART_NAMES = ['street', 'city', 'state', 'postalCode', 'countryOrRegion'] as const;

type TextField = Exclude<keyof typeof fields, 'dateOfBirth' | 'emailOptOut'>;
const storedText = Object.fromEntries(
  Object.keys(fields)
    .filter((field) => field !== 'dateOfBirth' && field !== 'emailOptOut')
    .map((field) => [field, z.string()]),
) as Record<TextField, z.ZodString>;

/** A contact as the API sends it. Empty text fields are ''. */
export const contactSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    ...storedText,
    /** 'YYYY-MM-DD' or null. */
    dateOfBirth: z.string().nullable(),
    emailOptOut: z.boolean(),
    origin: z.enum(['crm', 'import', 'migration', 'microsoft365']),
    syncEligible: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Contact' });
export type Contact = z.infer<typeof contactSchema>;

/** A contact as the Outlook reading pane shows it: with its owner's name. */
export const lookedUpContactSchema = contactSchema.extend({ ownerName: z.string() }).meta({ id: 'LookedUpContact' });
export type LookedUpContact = z.infer<typeof lookedUpContactSchema>;
