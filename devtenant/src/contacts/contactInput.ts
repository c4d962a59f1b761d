import { parseExtendedProperties } from '../calendar/eventInput.js';
import { GraphError } from '../graph/graphError.js';
import type { ExtendedProperty } from '../state/calendarStore.js';
import type { ContactFields, PhysicalAddress } from '../state/contactStore.js';

/** What a create or PATCH body says, normalised. Absent keys were not in the body. */
export interface ContactInput {
  fields: Partial<ContactFields>;
  extendedProperties?: ExtendedProperty[];
}

export const STRING_PROPERTIES = [
  'givenName',
  'middleName',
  'surname',
  'title',
  'initials',
  'nickName',
  'generation',
  'mobilePhone',
  'jobTitle',
  'department',
  'companyName',
  'officeLocation',
  'profession',
  'assistantName',
  'manager',
  'spouseName',
  'personalNotes',
  'businessHomePage',
  'yomiGivenName',
  'yomiSurname',
  'yomiCompanyName',
] as const;
const LIST_PROPERTIES = ['businessPhones', 'homePhones', 'imAddresses', 'categories', 'children'] as const;
const ADDRESS_PROPERTIES = ['businessAddress', 'homeAddress', 'otherAddress'] as const;
const ADDRESS_KEYS = ['street', 'city', 'state', 'postalCode', 'countryOrRegion'] as const;
/** Read-only properties a client may echo back from a GET; Graph ignores them. */
const IGNORED = new Set([
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'parentFolderId',
  'extensions',
  'photo',
  'multiValueExtendedProperties',
]);
/** Observed Exchange caps on multi-value properties (docs/graph-behaviour.md#contact-multi-value-caps). */
const MAX_ENTRIES: Record<string, { name: string; max: number }> = {
  emailAddresses: { name: 'EmailAddresses', max: 3 },
  businessPhones: { name: 'BusinessPhones', max: 2 },
};

function bad(message: string, code = 'RequestBodyRead'): GraphError {
  return new GraphError(400, code, message);
}

function checkMax(property: string, count: number): void {
  const cap = MAX_ENTRIES[property];
  if (cap && count > cap.max) {
    throw bad(
      `The multi value property ${cap.name} has ${count} entries, that exceeds the max allowed value of ${cap.max}`,
      'ErrorInvalidArgument',
    );
  }
}

function stringOrNull(name: string, raw: unknown): string | null {
  if (raw === null) return null;
  if (typeof raw !== 'string')
    throw bad(`Cannot convert a primitive value to the expected type 'Edm.String' for the property '${name}'.`);
  return raw;
}

function stringList(name: string, raw: unknown): string[] {
  if (raw === null) return [];
  if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string'))
    throw bad(`The property '${name}' must be a collection of strings.`);
  return raw as string[];
}

function address(name: string, raw: unknown): PhysicalAddress {
  if (raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) throw bad(`The property '${name}' must be a physicalAddress.`);
  const out: PhysicalAddress = {};
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!(ADDRESS_KEYS as readonly string[]).includes(k)) {
      throw bad(
        `The property '${k}' does not exist on type 'microsoft.graph.physicalAddress'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
    if (v !== null && typeof v !== 'string')
      throw bad(`Cannot convert a primitive value to the expected type 'Edm.String' for the property '${k}'.`);
    if (typeof v === 'string' && v !== '') out[k as keyof PhysicalAddress] = v;
  }
  return out;
}

/**
 * `birthday` is an Edm.DateTimeOffset; a bare date is accepted and kept as given
 * (docs/graph-behaviour.md#contact-birthday).
 */
function birthday(raw: unknown): string | null {
  if (raw === null) return null;
  if (typeof raw !== 'string' || Number.isNaN(Date.parse(raw)) || !/^\d{4}-\d{2}-\d{2}/.test(raw)) {
    throw bad(`Cannot convert the literal '${String(raw)}' to the expected type 'Edm.DateTimeOffset'.`);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(raw)) return raw;
  return new Date(Date.parse(raw)).toISOString().replace('.000Z', 'Z');
}

/** Reads a contact create/PATCH body with Graph's errors (unknown property, wrong type, too many entries). */
export function parseContactInput(body: unknown): ContactInput {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw bad('The request body must be a JSON object.', 'BadRequest');
  const b = body as Record<string, unknown>;
  const fields: Partial<ContactFields> = {};
  const out: ContactInput = { fields };
  for (const key of Object.keys(b)) {
    if (key.startsWith('@odata.') || IGNORED.has(key)) continue;
    const known =
      (STRING_PROPERTIES as readonly string[]).includes(key) ||
      (LIST_PROPERTIES as readonly string[]).includes(key) ||
      (ADDRESS_PROPERTIES as readonly string[]).includes(key) ||
      ['displayName', 'fileAs', 'emailAddresses', 'birthday', 'singleValueExtendedProperties'].includes(key);
    if (!known) {
      throw bad(
        `The property '${key}' does not exist on type 'microsoft.graph.contact'. Make sure to only use property names that are defined by the type or mark the type as open type.`,
      );
    }
  }
  for (const name of STRING_PROPERTIES) if (name in b) fields[name] = stringOrNull(name, b[name]);
  if ('displayName' in b) fields.displayName = stringOrNull('displayName', b.displayName) ?? '';
  if ('fileAs' in b) fields.fileAs = stringOrNull('fileAs', b.fileAs) ?? '';
  for (const name of LIST_PROPERTIES) {
    if (name in b) {
      fields[name] = stringList(name, b[name]);
      checkMax(name, fields[name].length);
    }
  }
  for (const name of ADDRESS_PROPERTIES) if (name in b) fields[name] = address(name, b[name]);
  if ('birthday' in b) fields.birthday = birthday(b.birthday);
  if ('emailAddresses' in b) {
    const raw = b.emailAddresses;
    if (raw !== null && !Array.isArray(raw))
      throw bad("The property 'emailAddresses' must be a collection of emailAddress.");
    const list = (raw ?? []) as unknown[];
    checkMax('emailAddresses', list.length);
    fields.emailAddresses = list.map((e) => {
      const x = e as { name?: unknown; address?: unknown } | null;
      if (
        !x ||
        typeof x !== 'object' ||
        (x.address !== undefined && x.address !== null && typeof x.address !== 'string') ||
        (x.name !== undefined && x.name !== null && typeof x.name !== 'string')
      ) {
        throw bad("The property 'emailAddresses' must be a collection of emailAddress.");
      }
      const addr = typeof x.address === 'string' ? x.address : '';
      return { name: typeof x.name === 'string' ? x.name : addr, address: addr };
    });
  }
  if ('singleValueExtendedProperties' in b) {
    if (!Array.isArray(b.singleValueExtendedProperties))
      throw bad("The property 'singleValueExtendedProperties' must be an array.");
    out.extendedProperties = parseExtendedProperties(b.singleValueExtendedProperties);
  }
  return out;
}

/** Outlook's generated display name: the name parts in "Given Middle Surname" order; else company, else first e-mail. */
export function composedDisplayName(
  f: Pick<ContactFields, 'givenName' | 'middleName' | 'surname' | 'companyName' | 'emailAddresses'>,
): string {
  const name = [f.givenName, f.middleName, f.surname]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(' ');
  if (name) return name;
  if (f.companyName?.trim()) return f.companyName.trim();
  return f.emailAddresses[0]?.address ?? '';
}
