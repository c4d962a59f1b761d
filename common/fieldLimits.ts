/**
 * The longest text each form field may hold, in characters: the service's input schemas refuse more, and the
 * add-in's fields stop there (maxLength) and say so. One list, so the two never disagree.
 */
export const USER_LIMITS = { name: 200, email: 320 } as const;

export const EVENT_LIMITS = { subject: 255, location: 255, description: 32_000, attendeeName: 200 } as const;

export const CONTACT_LIMITS = {
  salutation: 40,
  firstName: 40,
  lastName: 80,
  middleName: 40,
  title: 100,
  department: 100,
  accountName: 200,
  email: 320,
  secondaryEmail: 320,
  tertiaryEmail: 320,
  phone: 50,
  otherPhone: 50,
  mobile: 50,
  homePhone: 50,
  fax: 50,
  assistant: 100,
  asstPhone: 50,
  mailingStreet: 250,
  mailingCity: 100,
  mailingState: 100,
  mailingZip: 30,
  mailingCountry: 100,
  otherStreet: 250,
  otherCity: 100,
  otherState: 100,
  otherZip: 30,
  otherCountry: 100,
  description: 32_000,
  website: 255,
  skypeId: 100,
  twitter: 16,
  leadSource: 100,
} as const;
