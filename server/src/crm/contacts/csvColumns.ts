import type { NewContact } from '../../../../common/api/contacts.js';

/** The CSV column of each contact field, as CRM exports name them; import and data migration read these. */
export const CONTACT_CSV_COLUMNS: Record<keyof NewContact, string> = {
  salutation: 'Salutation',
  firstName: 'First Name',
  lastName: 'Last Name',
  middleName: 'Middle Name',
  title: 'Title',
  department: 'Department',
  accountName: 'Account Name',
  email: 'Email',
  secondaryEmail: 'Secondary Email',
  tertiaryEmail: 'Tertiary Email',
  phone: 'Phone',
  otherPhone: 'Other Phone',
  mobile: 'Mobile',
  homePhone: 'Home Phone',
  fax: 'Fax',
  assistant: 'Assistant',
  asstPhone: 'Asst Phone',
  dateOfBirth: 'Date of Birth',
  mailingStreet: 'Mailing Street',
  mailingCity: 'Mailing City',
  mailingState: 'Mailing State',
  mailingZip: 'Mailing Zip',
  mailingCountry: 'Mailing Country',
  otherStreet: 'Other Street',
  otherCity: 'Other City',
  otherState: 'Other State',
  otherZip: 'Other Zip',
  otherCountry: 'Other Country',
  description: 'Description',
  website: 'Website',
  skypeId: 'Skype ID',
  twitter: 'Twitter',
  emailOptOut: 'Email Opt Out',
  leadSource: 'Lead Source',
};

/** The column a data migration may add: the e-mail address of the CRM user who owns the contact. */
export const OWNER_CSV_COLUMN = 'Contact Owner';

/** A CSV record as contact input (for the contact schema to check): absent or empty cells are left out. */
export function contactInputFromCsv(record: Record<string, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(CONTACT_CSV_COLUMNS)) {
    const cell = record[column];
    if (cell === undefined || (cell.trim() === '' && field !== 'lastName')) continue;
    input[field] = field === 'emailOptOut' ? /^(true|yes|ja|1)$/i.test(cell.trim()) : cell;
  }
  return input;
}
