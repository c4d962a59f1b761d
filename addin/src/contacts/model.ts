import type { Contact, ContactChanges, ContactInput } from '../api/types';

/** The fields the contact dialog edits, in the order it shows them. */
export const FORM_FIELDS = [
  'salutation',
  'firstName',
  'lastName',
  'title',
  'department',
  'accountName',
  'email',
  'secondaryEmail',
  'tertiaryEmail',
  'phone',
  'otherPhone',
  'mobile',
  'homePhone',
  'mailingStreet',
  'mailingCity',
  'mailingState',
  'mailingZip',
  'mailingCountry',
  'dateOfBirth',
  'description',
  'website',
] as const;

export type FormField = (typeof FORM_FIELDS)[number];
/** The dialog's state: every field as text ('' for an empty date of birth). */
export type ContactForm = Record<FormField, string>;

/** The salutations offered; a contact's own value (e.g. from Outlook) is offered too. */
export const SALUTATIONS = ['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.'] as const;

export function emptyContactForm(prefill: Partial<ContactForm> = {}): ContactForm {
  const form = Object.fromEntries(FORM_FIELDS.map((field) => [field, ''])) as ContactForm;
  return { ...form, ...prefill };
}

export function formFromContact(contact: Contact): ContactForm {
  const form = emptyContactForm();
  for (const field of FORM_FIELDS) form[field] = field === 'dateOfBirth' ? (contact.dateOfBirth ?? '') : contact[field];
  return form;
}

export type ContactFormProblem = { field: 'lastName'; kind: 'required' } | { field: 'dateOfBirth'; kind: 'invalid' };

/** What the dialog checks itself; everything else (e-mails, phones, web address) the service judges and explains. */
export function formProblems(form: ContactForm): ContactFormProblem[] {
  const problems: ContactFormProblem[] = [];
  if (form.lastName.trim() === '') problems.push({ field: 'lastName', kind: 'required' });
  if (form.dateOfBirth !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(form.dateOfBirth))
    problems.push({ field: 'dateOfBirth', kind: 'invalid' });
  return problems;
}

const valueOf = (form: ContactForm, field: FormField): string | null =>
  field === 'dateOfBirth'
    ? form.dateOfBirth === ''
      ? null
      : form.dateOfBirth
    : field === 'description'
      ? form[field]
      : form[field].trim();

/** POST body for a new contact: the last name and every field that was filled in. */
export function inputFromForm(form: ContactForm): ContactInput {
  const input: Record<string, string | null> = { lastName: form.lastName.trim() };
  for (const field of FORM_FIELDS) {
    const value = valueOf(form, field);
    if (value !== null && value !== '') input[field] = value;
  }
  return input as unknown as ContactInput;
}

/** PATCH body for an edited contact: only the fields that differ from what the service sent. */
export function changesFromForm(contact: Contact, form: ContactForm): ContactChanges {
  const changes: Record<string, string | null> = {};
  for (const field of FORM_FIELDS) {
    const value = valueOf(form, field);
    const before = field === 'dateOfBirth' ? contact.dateOfBirth : contact[field];
    if (value !== before) changes[field] = value;
  }
  return changes;
}

/**
 * The fields a refusal of the service names. Its message ends in "field: problem; field: problem" (the request's
 * detail); each named field of the dialog gets that problem next to it.
 */
export function fieldProblemsIn(message: string): Partial<Record<FormField, string>> {
  const found: Partial<Record<FormField, string>> = {};
  for (const field of FORM_FIELDS) {
    const problem = new RegExp(`(?<![\\w.])${field}: ([^;]+)`).exec(message)?.[1]?.trim();
    if (problem) found[field] = problem;
  }
  return found;
}

/** The name a person is shown by: first and last name, else the e-mail, else the company. */
export function contactName(contact: Pick<Contact, 'firstName' | 'lastName' | 'email' | 'accountName'>): string {
  const name = [contact.firstName, contact.lastName]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
  return name || contact.email || contact.accountName;
}

/** A contact's e-mail addresses, lower-case, without the empty ones. */
export function emailsOf(contact: Pick<Contact, 'email' | 'secondaryEmail' | 'tertiaryEmail'>): string[] {
  return [contact.email, contact.secondaryEmail, contact.tertiaryEmail]
    .map((e) => e.trim().toLowerCase())
    .filter(Boolean);
}

/**
 * A display name from a mail header split into first and last name: "Müller, Anna" and "Anna Maria Müller" both
 * give a last name of Müller. A display name that is only the address (or empty) gives nothing.
 */
export function splitDisplayName(
  displayName: string | undefined,
  emailAddress = '',
): { firstName: string; lastName: string } {
  const name = (displayName ?? '').replace(/^["']+|["']+$/g, '').trim();
  if (name === '' || name.includes('@') || name.toLowerCase() === emailAddress.toLowerCase())
    return { firstName: '', lastName: '' };
  const comma = name.indexOf(',');
  if (comma > 0) return { lastName: name.slice(0, comma).trim(), firstName: name.slice(comma + 1).trim() };
  const parts = name.split(/\s+/);
  if (parts.length === 1) return { firstName: '', lastName: name };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] ?? '' };
}

/** Whether the list should say the contact is not synced: imported or migrated and not edited since. */
export function notSyncedYet(contact: Pick<Contact, 'origin' | 'syncEligible'>): boolean {
  return (contact.origin === 'import' || contact.origin === 'migration') && !contact.syncEligible;
}
