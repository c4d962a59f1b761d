/** Microsoft Graph's resource identifiers: the URI and the well-known app id. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** Graph permission names the local tenant knows; used to put requested names into their canonical casing. */
export const KNOWN_GRAPH_PERMISSIONS = [
  'User.Read',
  'User.ReadWrite',
  'User.ReadBasic.All',
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
  'Organization.Read.All',
  'Mail.Send',
  'Mail.Read',
  'Mail.ReadBasic',
  'Mail.ReadBasic.All',
  'Mail.ReadWrite',
  'Calendars.Read',
  'Calendars.ReadWrite',
  'Calendars.Read.Shared',
  'Calendars.ReadWrite.Shared',
  'Contacts.Read',
  'Contacts.ReadWrite',
  'MailboxSettings.Read',
  'MailboxSettings.ReadWrite',
  'People.Read',
  'offline_access',
  'openid',
  'profile',
  'email',
] as const;

export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** What a user may consent to alone; everything else needs the tenant administrator's consent. */
export const USER_CONSENTABLE_GRAPH_SCOPES = ['User.Read'] as const;

export function canonicalGraphPermission(name: string): string | undefined {
  const lower = name.toLowerCase();
  return KNOWN_GRAPH_PERMISSIONS.find((p) => p.toLowerCase() === lower);
}

export function includesIgnoreCase(list: readonly string[], value: string): boolean {
  const lower = value.toLowerCase();
  return list.some((x) => x.toLowerCase() === lower);
}
