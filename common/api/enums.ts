/**
 * The API's closed lists of values. Without zod, so the add-in may import them at run time without carrying zod
 * into its bundle; the schemas build their enums from these.
 */

/** What a user may do: Super Admin and Administrator manage users. */
export const PROFILES = ['super_admin', 'administrator', 'standard'] as const;
export type Profile = (typeof PROFILES)[number];

/** A user's place in the organisation, beside the profile that says what they may do. */
export const ROLES = ['ceo', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const EDITIONS = ['free', 'standard', 'professional', 'enterprise'] as const;
export type Edition = (typeof EDITIONS)[number];

/** Graph's freeBusyStatus values, as an event's showAs. */
export const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;
export type ShowAs = (typeof SHOW_AS)[number];

/** What a sync keeps in step: the user's events with a calendar, or the user's contacts with a contact folder. */
export const SYNC_KINDS = ['calendar', 'contacts', 'mail'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

/** The two lists of the events view: not yet over, by next occurrence; over, latest first. */
export const EVENT_VIEWS = ['upcoming', 'earlier'] as const;
export type EventView = (typeof EVENT_VIEWS)[number];
