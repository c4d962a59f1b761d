import type { ContactRow } from '../../store/schema.js';
import type { Contact, NewContact } from '../../../../common/api/contacts.js';

/** A contact as the API, the add-in and the sync engine see it (the contract's shape). */
export type CrmContact = Contact;

export function contactFromRow(row: ContactRow): CrmContact {
  return {
    id: row.id,
    ownerId: row.owner_user_id,
    ...contentOfRow(row),
    origin: row.origin,
    syncEligible: row.sync_eligible === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function contentOfRow(row: ContactRow): NewContact {
  return {
    salutation: row.salutation,
    firstName: row.first_name,
    lastName: row.last_name,
    middleName: row.middle_name,
    title: row.title,
    department: row.department,
    accountName: row.account_name,
    email: row.email,
    secondaryEmail: row.secondary_email,
    tertiaryEmail: row.tertiary_email,
    phone: row.phone,
    otherPhone: row.other_phone,
    mobile: row.mobile,
    homePhone: row.home_phone,
    fax: row.fax,
    assistant: row.assistant,
    asstPhone: row.asst_phone,
    dateOfBirth: row.date_of_birth,
    mailingStreet: row.mailing_street,
    mailingCity: row.mailing_city,
    mailingState: row.mailing_state,
    mailingZip: row.mailing_zip,
    mailingCountry: row.mailing_country,
    otherStreet: row.other_street,
    otherCity: row.other_city,
    otherState: row.other_state,
    otherZip: row.other_zip,
    otherCountry: row.other_country,
    description: row.description,
    website: row.website,
    skypeId: row.skype_id,
    twitter: row.twitter,
    emailOptOut: row.email_opt_out === 1,
    leadSource: row.lead_source,
  };
}

/** The stored columns for a contact's content (not its identity, owner or bookkeeping). */
export function contentColumns(contact: NewContact) {
  return {
    salutation: contact.salutation,
    first_name: contact.firstName,
    last_name: contact.lastName,
    middle_name: contact.middleName,
    title: contact.title,
    department: contact.department,
    account_name: contact.accountName,
    email: contact.email,
    secondary_email: contact.secondaryEmail,
    tertiary_email: contact.tertiaryEmail,
    phone: contact.phone,
    other_phone: contact.otherPhone,
    mobile: contact.mobile,
    home_phone: contact.homePhone,
    fax: contact.fax,
    assistant: contact.assistant,
    asst_phone: contact.asstPhone,
    date_of_birth: contact.dateOfBirth,
    mailing_street: contact.mailingStreet,
    mailing_city: contact.mailingCity,
    mailing_state: contact.mailingState,
    mailing_zip: contact.mailingZip,
    mailing_country: contact.mailingCountry,
    other_street: contact.otherStreet,
    other_city: contact.otherCity,
    other_state: contact.otherState,
    other_zip: contact.otherZip,
    other_country: contact.otherCountry,
    description: contact.description,
    website: contact.website,
    skype_id: contact.skypeId,
    twitter: contact.twitter,
    email_opt_out: contact.emailOptOut ? 1 : 0,
    lead_source: contact.leadSource,
  };
}

/** The content fields of a stored contact, in input form (for merging changes). */
export function contentOf(contact: CrmContact): NewContact {
  const {
    id: _id,
    ownerId: _ownerId,
    origin: _origin,
    syncEligible: _eligible,
    version: _version,
    createdAt: _created,
    updatedAt: _updated,
    ...content
  } = contact;
  return content;
}
