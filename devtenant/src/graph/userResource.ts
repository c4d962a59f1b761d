import type { DirectoryUser } from '../directory/directory.js';
import { graphErrors } from './graphError.js';

type UserValue = string | boolean | string[] | null;

/** Every user property the local Graph can return. */
const PROPERTIES: Record<string, (u: DirectoryUser) => UserValue> = {
  businessPhones: (u) => u.businessPhones,
  displayName: (u) => u.displayName,
  givenName: (u) => u.givenName,
  jobTitle: (u) => u.jobTitle,
  mail: (u) => u.mail,
  mobilePhone: (u) => u.mobilePhone,
  officeLocation: (u) => u.officeLocation,
  preferredLanguage: (u) => u.preferredLanguage,
  surname: (u) => u.surname,
  userPrincipalName: (u) => u.userPrincipalName,
  id: (u) => u.id,
  accountEnabled: (u) => u.accountEnabled,
  userType: (u) => u.userType,
  department: (u) => u.department,
  createdDateTime: (u) => u.createdDateTime,
  usageLocation: (u) => u.usageLocation,
};

/** Graph's default property set of a user (docs/graph-behaviour.md#default-user-properties); others only by $select. */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

/** What User.ReadBasic.All exposes; with only that permission other properties come back null. */
const BASIC_PROFILE = ['displayName', 'givenName', 'id', 'mail', 'surname', 'userPrincipalName'];

/** Parses `$select` (or returns the default set); unknown names are a 400 like Graph's. */
export function parseUserSelect(select: string | undefined): string[] | undefined {
  if (!select) return undefined;
  const names = select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const canonical = names.map((name) => {
    const found = Object.keys(PROPERTIES).find((p) => p.toLowerCase() === name.toLowerCase());
    if (!found)
      throw graphErrors.badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.user'.`);
    return found;
  });
  return [...new Set(canonical)];
}

export function userResource(
  user: DirectoryUser,
  select: string[] | undefined,
  basicOnly: boolean,
): Record<string, UserValue> {
  const out: Record<string, UserValue> = {};
  for (const name of select ?? DEFAULT_USER_PROPERTIES) {
    out[name] = basicOnly && !BASIC_PROFILE.includes(name) ? null : PROPERTIES[name]!(user);
  }
  return out;
}

export function userPropertyValue(user: DirectoryUser, name: string): UserValue {
  return PROPERTIES[name]!(user);
}
