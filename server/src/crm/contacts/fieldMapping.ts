import type { Contact, EmailAddress, PhysicalAddress } from '@microsoft/microsoft-graph-types';
import type { NewContact } from '../../../../common/api/contacts.js';

// Which CRM contact field goes to which Microsoft Graph contact property, for the contact sync and its
// Configuration dialog (docs/product-rules.md#r-contact-mapping). Pure: no storage, no Graph calls.

/** What kind of value a field holds; a value moves only between fields of kinds that hold it both ways. */
export type FieldType = 'text' | 'multiline' | 'email' | 'phone' | 'date' | 'url' | 'boolean';
export type ContactField = keyof NewContact;
export type Language = 'en' | 'de';
type Words = Record<Language, string>;

export interface CrmContactField {
  field: ContactField;
  type: FieldType;
  label: Words;
  /** Fields with no Graph property (Fax, Asst Phone, ...) are never offered for mapping and stay in the CRM. */
  crmOnly: boolean;
}

const field = (name: ContactField, type: FieldType, en: string, de: string, crmOnly = false): CrmContactField => ({
  field: name,
  type,
  label: { en, de },
  crmOnly,
});

/** Every CRM contact field, in the order the contact form shows them. */
export const CRM_CONTACT_FIELDS: readonly CrmContactField[] = [
  field('salutation', 'text', 'Salutation', 'Anrede'),
  field('firstName', 'text', 'First Name', 'Vorname'),
  field('lastName', 'text', 'Last Name', 'Nachname'),
  field('middleName', 'text', 'Middle Name', 'Zweiter Vorname'),
  field('title', 'text', 'Title', 'Position'),
  field('department', 'text', 'Department', 'Abteilung'),
  field('accountName', 'text', 'Account Name', 'Firmenname'),
  field('email', 'email', 'Email', 'E-Mail'),
  field('secondaryEmail', 'email', 'Secondary Email', 'Zweite E-Mail'),
  field('tertiaryEmail', 'email', 'Tertiary Email', 'Dritte E-Mail'),
  field('phone', 'phone', 'Phone', 'Telefon'),
  field('otherPhone', 'phone', 'Other Phone', 'Weiteres Telefon'),
  field('mobile', 'phone', 'Mobile', 'Mobiltelefon'),
  field('homePhone', 'phone', 'Home Phone', 'Telefon privat'),
  field('fax', 'phone', 'Fax', 'Fax', true),
  field('assistant', 'text', 'Assistant', 'Assistent'),
  field('asstPhone', 'phone', 'Asst Phone', 'Telefon Assistent', true),
  field('dateOfBirth', 'date', 'Date of Birth', 'Geburtsdatum'),
  field('mailingStreet', 'multiline', 'Mailing Street', 'Postanschrift Straße'),
  field('mailingCity', 'text', 'Mailing City', 'Postanschrift Ort'),
  field('mailingState', 'text', 'Mailing State', 'Postanschrift Bundesland'),
  field('mailingZip', 'text', 'Mailing Zip', 'Postanschrift PLZ'),
  field('mailingCountry', 'text', 'Mailing Country', 'Postanschrift Land'),
  field('otherStreet', 'multiline', 'Other Street', 'Weitere Anschrift Straße'),
  field('otherCity', 'text', 'Other City', 'Weitere Anschrift Ort'),
  field('otherState', 'text', 'Other State', 'Weitere Anschrift Bundesland'),
  field('otherZip', 'text', 'Other Zip', 'Weitere Anschrift PLZ'),
  field('otherCountry', 'text', 'Other Country', 'Weitere Anschrift Land'),
  field('description', 'multiline', 'Description', 'Beschreibung'),
  field('website', 'url', 'Website', 'Website'),
  field('skypeId', 'text', 'Skype ID', 'Skype-ID'),
  field('twitter', 'text', 'Twitter', 'Twitter', true),
  field('emailOptOut', 'boolean', 'Email Opt Out', 'E-Mail-Abmeldung', true),
  field('leadSource', 'text', 'Lead Source', 'Lead-Quelle', true),
];

export interface GraphContactProperty {
  /** The property's path in a Graph contact: `givenName`, `emailAddresses`, `businessAddress.city`. */
  property: string;
  type: FieldType;
  /** For multi-valued properties, how many values Graph accepts; each is mapped by its position. */
  maxValues?: number;
}

const ADDRESS_PARTS: readonly [string, FieldType][] = [
  ['street', 'multiline'],
  ['city', 'text'],
  ['state', 'text'],
  ['postalCode', 'text'],
  ['countryOrRegion', 'text'],
];

/**
 * The Graph contact properties the app reads and writes (docs/graph-behaviour.md#contact-properties). Graph refuses a
 * 4th e-mail address and a 3rd business phone with 400; the caps of homePhones (2) and imAddresses (3) are assumed
 * to match (docs/graph-behaviour.md#contact-multi-value-caps).
 */
export const GRAPH_CONTACT_PROPERTIES: readonly GraphContactProperty[] = [
  { property: 'title', type: 'text' },
  { property: 'givenName', type: 'text' },
  { property: 'middleName', type: 'text' },
  { property: 'surname', type: 'text' },
  { property: 'jobTitle', type: 'text' },
  { property: 'department', type: 'text' },
  { property: 'companyName', type: 'text' },
  { property: 'assistantName', type: 'text' },
  { property: 'birthday', type: 'date' },
  { property: 'personalNotes', type: 'multiline' },
  { property: 'businessHomePage', type: 'url' },
  { property: 'mobilePhone', type: 'phone' },
  { property: 'emailAddresses', type: 'email', maxValues: 3 },
  { property: 'businessPhones', type: 'phone', maxValues: 2 },
  { property: 'homePhones', type: 'phone', maxValues: 2 },
  { property: 'imAddresses', type: 'text', maxValues: 3 },
  ...['businessAddress', 'homeAddress', 'otherAddress'].flatMap((address) =>
    ADDRESS_PARTS.map(([part, type]) => ({ property: `${address}.${part}`, type })),
  ),
];

/** One Graph value: a property, and for a multi-valued one the position (0-based) of the value. */
export interface GraphTarget {
  property: string;
  position?: number;
}

export interface MappingRow {
  crmField: string;
  graph: GraphTarget;
}
export type ContactMapping = readonly MappingRow[];

/** How a target reads in messages and in the dialog: `givenName`, `emailAddresses[1]`, `homeAddress.city`. */
export function formatTarget(target: GraphTarget): string {
  return target.position === undefined ? target.property : `${target.property}[${target.position}]`;
}

/** Whether values of one kind can travel both ways between fields of two kinds. */
export function typesCompatible(a: FieldType, b: FieldType): boolean {
  const isText = (type: FieldType) => type === 'text' || type === 'multiline';
  return a === b || (isText(a) && isText(b));
}

/** Every Graph value a CRM field may be mapped to (none for CRM-only fields): what the dialog offers for the field. */
export function graphTargetsFor(crmField: ContactField): GraphTarget[] {
  const definition = CRM_CONTACT_FIELDS.find((candidate) => candidate.field === crmField);
  if (!definition || definition.crmOnly) return [];
  return GRAPH_CONTACT_PROPERTIES.filter((property) => typesCompatible(definition.type, property.type)).flatMap(
    (property) =>
      property.maxValues === undefined
        ? [{ property: property.property }]
        : Array.from({ length: property.maxValues }, (_, position) => ({ property: property.property, position })),
  );
}

const row = (crmField: ContactField, property: string, position?: number): MappingRow => ({
  crmField,
  graph: position === undefined ? { property } : { property, position },
});

/** The Configuration dialog's starting point (docs/product-rules.md#r-contact-mapping): Other address → homeAddress. */
export const DEFAULT_CONTACT_MAPPING: ContactMapping = [
  row('salutation', 'title'),
  row('firstName', 'givenName'),
  row('lastName', 'surname'),
  row('middleName', 'middleName'),
  row('email', 'emailAddresses', 0),
  row('secondaryEmail', 'emailAddresses', 1),
  row('tertiaryEmail', 'emailAddresses', 2),
  row('phone', 'businessPhones', 0),
  row('otherPhone', 'businessPhones', 1),
  row('mobile', 'mobilePhone'),
  row('homePhone', 'homePhones', 0),
  row('title', 'jobTitle'),
  row('department', 'department'),
  row('accountName', 'companyName'),
  row('assistant', 'assistantName'),
  row('dateOfBirth', 'birthday'),
  row('mailingStreet', 'businessAddress.street'),
  row('mailingCity', 'businessAddress.city'),
  row('mailingState', 'businessAddress.state'),
  row('mailingZip', 'businessAddress.postalCode'),
  row('mailingCountry', 'businessAddress.countryOrRegion'),
  row('otherStreet', 'homeAddress.street'),
  row('otherCity', 'homeAddress.city'),
  row('otherState', 'homeAddress.state'),
  row('otherZip', 'homeAddress.postalCode'),
  row('otherCountry', 'homeAddress.countryOrRegion'),
  row('description', 'personalNotes'),
  row('website', 'businessHomePage'),
  row('skypeId', 'imAddresses', 0),
];

export type MappingProblemCode =
  | 'unknown_crm_field'
  | 'crm_only_field'
  | 'unknown_graph_property'
  | 'position_missing'
  | 'position_not_allowed'
  | 'position_out_of_range'
  | 'type_mismatch'
  | 'crm_field_mapped_twice'
  | 'graph_target_taken';

export interface MappingProblem {
  /** The row's index in the mapping. */
  row: number;
  code: MappingProblemCode;
  message: Words;
}

const TYPE_WORDS: Record<FieldType, Words> = {
  text: { en: 'a text', de: 'ein Text' },
  multiline: { en: 'a multi-line text', de: 'ein mehrzeiliger Text' },
  email: { en: 'an e-mail address', de: 'eine E-Mail-Adresse' },
  phone: { en: 'a phone number', de: 'eine Telefonnummer' },
  date: { en: 'a date', de: 'ein Datum' },
  url: { en: 'a web address', de: 'eine Webadresse' },
  boolean: { en: 'a yes/no value', de: 'ein Ja/Nein-Wert' },
};

/** Everything wrong with a mapping, row by row (an empty list means it can be saved). */
export function validateMapping(mapping: ContactMapping): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const fieldRows = new Map<string, number>();
  const targetRows = new Map<string, number>();
  mapping.forEach((entry, index) => {
    const problem = (code: MappingProblemCode, en: string, de: string) =>
      problems.push({ row: index, code, message: { en, de } });
    const crm = CRM_CONTACT_FIELDS.find((candidate) => candidate.field === entry.crmField);
    const target = formatTarget(entry.graph);
    if (!crm)
      return problem(
        'unknown_crm_field',
        `"${entry.crmField}" is not a CRM contact field.`,
        `„${entry.crmField}“ ist kein Feld eines CRM-Kontakts.`,
      );
    const { en, de } = crm.label;
    if (crm.crmOnly)
      return problem(
        'crm_only_field',
        `${en} has no Microsoft 365 counterpart and stays in the CRM only.`,
        `${de} hat keine Entsprechung in Microsoft 365 und bleibt nur im CRM.`,
      );
    const graph = GRAPH_CONTACT_PROPERTIES.find((candidate) => candidate.property === entry.graph.property);
    if (!graph)
      return problem(
        'unknown_graph_property',
        `Microsoft 365 contacts have no property "${entry.graph.property}" the app can sync.`,
        `Microsoft 365-Kontakte haben keine Eigenschaft „${entry.graph.property}“, die die App synchronisieren kann.`,
      );
    const { position } = entry.graph;
    if (graph.maxValues === undefined && position !== undefined) {
      return problem(
        'position_not_allowed',
        `${graph.property} holds a single value, so it has no position ${position}.`,
        `${graph.property} enthält nur einen Wert und hat daher keine Position ${position}.`,
      );
    }
    if (graph.maxValues !== undefined && position === undefined) {
      return problem(
        'position_missing',
        `${graph.property} holds up to ${graph.maxValues} values: choose a position from 0 to ${graph.maxValues - 1}.`,
        `${graph.property} enthält bis zu ${graph.maxValues} Werte: Wählen Sie eine Position von 0 bis ${graph.maxValues - 1}.`,
      );
    }
    if (
      graph.maxValues !== undefined &&
      position !== undefined &&
      (!Number.isInteger(position) || position < 0 || position >= graph.maxValues)
    ) {
      return problem(
        'position_out_of_range',
        `Microsoft 365 allows at most ${graph.maxValues} values in ${graph.property}, so ${target} does not exist.`,
        `Microsoft 365 erlaubt höchstens ${graph.maxValues} Werte in ${graph.property}; ${target} gibt es daher nicht.`,
      );
    }
    if (!typesCompatible(crm.type, graph.type)) {
      return problem(
        'type_mismatch',
        `${en} is ${TYPE_WORDS[crm.type].en} and cannot go into ${target}, which holds ${TYPE_WORDS[graph.type].en}.`,
        `${de} ist ${TYPE_WORDS[crm.type].de} und passt nicht in ${target}, das ${TYPE_WORDS[graph.type].de} enthält.`,
      );
    }
    const earlierField = fieldRows.get(crm.field);
    if (earlierField !== undefined)
      return problem(
        'crm_field_mapped_twice',
        `${en} is already mapped in row ${earlierField + 1}.`,
        `${de} ist bereits in Zeile ${earlierField + 1} zugeordnet.`,
      );
    fieldRows.set(crm.field, index);
    const earlierTarget = targetRows.get(target);
    if (earlierTarget !== undefined) {
      const other = CRM_CONTACT_FIELDS.find((candidate) => candidate.field === mapping[earlierTarget]!.crmField)!.label;
      return problem(
        'graph_target_taken',
        `${target} already receives ${other.en} (row ${earlierTarget + 1}).`,
        `${target} erhält bereits ${other.de} (Zeile ${earlierTarget + 1}).`,
      );
    }
    targetRows.set(target, index);
    return undefined;
  });
  return problems;
}

/** The part of a Graph contact the mapping reads and writes (properties absent from a response are left alone). */
export type GraphContact = Pick<
  Contact,
  | 'displayName'
  | 'title'
  | 'givenName'
  | 'middleName'
  | 'surname'
  | 'jobTitle'
  | 'department'
  | 'companyName'
  | 'assistantName'
  | 'birthday'
  | 'personalNotes'
  | 'businessHomePage'
  | 'mobilePhone'
  | 'emailAddresses'
  | 'businessPhones'
  | 'homePhones'
  | 'imAddresses'
  | 'businessAddress'
  | 'homeAddress'
  | 'otherAddress'
>;

type Slots = Record<string, unknown>;

function assertValid(mapping: ContactMapping): void {
  const problems = validateMapping(mapping);
  if (problems.length)
    throw new Error(
      `invalid contact mapping: ${problems.map((problem) => `row ${problem.row}: ${problem.code}`).join(', ')}`,
    );
}

/** The name Outlook lists the contact under; Graph may recompute it on update unless it is sent every time. */
export function displayNameOf(contact: Pick<NewContact, 'firstName' | 'lastName'>): string {
  return [contact.firstName, contact.lastName].filter((part) => part !== '').join(' ');
}

/**
 * The Graph contact body (for a create or a PATCH) carrying a CRM contact's mapped fields; empty fields clear their
 * Graph property. Values of `current` that the mapping does not cover (a second home phone, an address part) are
 * kept, because Graph replaces a list or an address as a whole. Graph lists have no gaps, so a value behind an
 * empty one moves up a position.
 */
export function crmToGraph(contact: NewContact, mapping: ContactMapping, current: GraphContact = {}): GraphContact {
  assertValid(mapping);
  const displayName = displayNameOf(contact);
  const body: Slots = { displayName };
  const lists = new Map<string, unknown[]>();
  for (const { crmField, graph } of mapping) {
    const value = contact[crmField as ContactField];
    const [root, part] = graph.property.split('.') as [keyof GraphContact, string | undefined];
    if (part !== undefined) {
      const address = (body[root] ??= { ...(current[root] as PhysicalAddress | null | undefined) }) as Slots;
      address[part] = value || null;
    } else if (graph.position !== undefined) {
      const maxValues = GRAPH_CONTACT_PROPERTIES.find((candidate) => candidate.property === root)!.maxValues!;
      if (!lists.has(root))
        lists.set(
          root,
          Array.from(
            { length: maxValues },
            (_, position) => ((current[root] as unknown[] | undefined) ?? [])[position],
          ),
        );
      lists.get(root)![graph.position] = value
        ? root === 'emailAddresses'
          ? { name: displayName || String(value), address: value }
          : value
        : undefined;
    } else if (root === 'birthday') {
      body.birthday = value ? `${String(value)}T00:00:00Z` : null;
    } else {
      body[root] = value || null;
    }
  }
  for (const [root, values] of lists)
    body[root] = values.filter((value) => value !== undefined && value !== null && value !== '');
  return body;
}

/**
 * The CRM changes a Graph contact brings under a mapping: a missing value empties its field; a property the
 * Graph contact does not carry at all (not selected) changes nothing.
 */
export function graphToCrm(contact: GraphContact, mapping: ContactMapping): Partial<NewContact> {
  assertValid(mapping);
  const changes: Record<string, unknown> = {};
  for (const { crmField, graph } of mapping) {
    const [root, part] = graph.property.split('.') as [keyof GraphContact, string | undefined];
    const holder = contact[root];
    if (holder === undefined) continue;
    let value: unknown;
    if (part !== undefined) value = (holder as Slots | null)?.[part];
    else if (graph.position !== undefined) {
      const item = (holder as unknown[] | null)?.[graph.position];
      value = root === 'emailAddresses' ? (item as EmailAddress | undefined)?.address : item;
    } else value = holder;
    if (root === 'birthday') changes[crmField] = typeof value === 'string' && value !== '' ? birthdayDate(value) : null;
    else changes[crmField] = typeof value === 'string' ? value : '';
  }
  return changes;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The calendar date of a Graph birthday. Graph documents UTC midnight, but a client that saved local midnight leaves
 * e.g. 22:00 UTC the day before (Berlin) or 05:00 UTC (New York): the nearest UTC midnight is the date meant.
 */
function birthdayDate(value: string): string | null {
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(time) ? null : new Date(Math.round(time / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}
