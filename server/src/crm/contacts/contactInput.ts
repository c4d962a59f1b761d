import { z } from 'zod';
import { CONTACT_LIMITS as MAX } from '../../../../common/fieldLimits.js';

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

type FieldName = keyof typeof fields;
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

/** A new contact, as the API and the contacts view send it: a last name at least, everything else optional. */
export const newContactSchema = fullContactSchema
  .partial()
  .required({ lastName: true })
  .transform((value): NewContact => ({ ...EMPTY_CONTACT, ...value }));

/** Changes to a contact: any subset of the fields. */
export const contactChangesSchema = z.object(fields).partial().strict();
export type ContactChanges = z.infer<typeof contactChangesSchema>;

/** The names of a contact's fields, as the API spells them. */
export const CONTACT_FIELD_NAMES = Object.keys(fields) as FieldName[];

/** What is wrong with a contact as a whole on a given day (the date of birth cannot be later than today). */
export function contactProblems(
  contact: { dateOfBirth: string | null },
  today: Date,
): { path: string; message: string }[] {
  if (contact.dateOfBirth && contact.dateOfBirth > today.toISOString().slice(0, 10))
    return [{ path: 'dateOfBirth', message: 'cannot be in the future' }];
  return [];
}
