import type { Language } from '../host/language';
import { ApiError, toApiError } from './errors';
import type {
  AccessRequest,
  ClientConfig,
  Contact,
  ContactChanges,
  ContactInput,
  ContactMappingOffer,
  ContactMappingRow,
  CrmEvent,
  CrmUser,
  DirectoryUser,
  EventChanges,
  EventInput,
  EventPage,
  EventPageQuery,
  FailingSync,
  SetAsideItem,
  Occurrence,
  OccurrenceChanges,
  InviteOutcome,
  LookedUpContact,
  Me,
  Profile,
  RequestAccessResult,
  Role,
  SyncKind,
  SyncStatus,
  UsersOverview,
} from './types';
import type { FiledMail, MailLookup, TimelinePage } from './types';

/** Supplies a bearer token for the API scope; forceRefresh skips MSAL's cache. */
export type TokenSource = (options?: { forceRefresh?: boolean }) => Promise<string>;

/** GET /api/config: public, needed before sign-in can start. */
export async function fetchClientConfig(language: Language): Promise<ClientConfig> {
  return send<ClientConfig>('GET', '/api/config', language, undefined, undefined);
}

/** The signed-in calls of the service's API. */
export interface Api {
  getMe(): Promise<Me>;
  createOrganisation(): Promise<Me>;
  linkAccount(email: string, password: string): Promise<Me>;
  /** Joins by invitation: with the e-mail link's token, or the open invitation for the caller's address. */
  acceptInvitation(token?: string): Promise<Me>;
  /** Whether the caller may accept the invitation behind a link; rejects with the reason (e.g. another address). */
  checkInvitation(token: string): Promise<void>;
  requestAccess(): Promise<RequestAccessResult>;
  listUsers(): Promise<UsersOverview>;
  listDirectoryUsers(): Promise<{ users: DirectoryUser[] }>;
  inviteDirectoryUsers(directoryUserIds: string[]): Promise<{ outcomes: InviteOutcome[] }>;
  inviteByEmail(email: string, name?: string): Promise<{ outcomes: InviteOutcome[] }>;
  resendInvitation(id: string): Promise<{ mailSent: boolean }>;
  revokeInvitation(id: string): Promise<void>;
  getAccessRequest(id: string): Promise<AccessRequest>;
  decideAccessRequest(id: string, decision: 'approve' | 'decline'): Promise<AccessRequest>;
  /** A version that moves whenever something the open pane shows may have changed. */
  getChanges(): Promise<{ version: string }>;
  /** Manage Users: a user's profile and role, and whether they may use the CRM. */
  changeUser(id: string, change: { profile?: Profile; role?: Role }): Promise<CrmUser>;
  deactivateUser(id: string): Promise<CrmUser>;
  activateUser(id: string): Promise<CrmUser>;
  /** One page of Upcoming or Earlier (see EventPageQuery). */
  listEventPage(query: EventPageQuery): Promise<EventPage>;
  createEvent(input: EventInput): Promise<CrmEvent>;
  updateEvent(id: string, changes: EventChanges): Promise<CrmEvent>;
  deleteEvent(id: string): Promise<void>;
  importEvents(csv: string): Promise<{ imported: number }>;
  /** A series' occurrences whose original date lies in [from, to] ('YYYY-MM-DD'), cancelled ones included; 1000 at most. */
  listOccurrences(id: string, from: string, to: string): Promise<{ occurrences: Occurrence[] }>;
  /** Changes one occurrence (it becomes an exception); answers the whole event. */
  updateOccurrence(id: string, date: string, changes: OccurrenceChanges): Promise<CrmEvent>;
  /** Cancels one occurrence for good, as in Outlook; answers the whole event. */
  cancelOccurrence(id: string, date: string): Promise<CrmEvent>;
  /** The caller's own contacts, filtered by the service when q is not empty. */
  listContacts(q?: string): Promise<{ contacts: Contact[] }>;
  /** Any contact of the organisation with this address as one of its e-mails, or null. */
  lookupContact(email: string): Promise<{ contact: LookedUpContact | null }>;
  createContact(input: ContactInput): Promise<Contact>;
  updateContact(id: string, changes: ContactChanges): Promise<Contact>;
  deleteContact(id: string): Promise<void>;
  /** The open message's filed copy, if this user may see one, and the CRM contacts among these addresses. */
  lookupMail(internetMessageId: string | undefined, addresses: string[]): Promise<MailLookup>;
  /** Files the message Outlook shows (its Office.js item id) on these contacts. */
  fileMail(itemId: string, contactIds: string[]): Promise<FiledMail>;
  /** Remove from CRM: the mail as it remains for others' contacts, or null when it left the CRM. */
  removeMail(id: string): Promise<{ mail: FiledMail | null }>;
  /** One filed mail with its text. */
  readMail(id: string): Promise<FiledMail>;
  /** File when sent: the item property (name and value) to set on the message being written. */
  markFileOnSend(): Promise<{ token: string; property: string; expiresAt: string }>;
  /** Takes a File when sent back (the message was not filed by it yet). */
  cancelFileOnSend(token: string): Promise<void>;
  /** A contact's filed mails and meetings, newest first; `cursor` from the page before. */
  contactTimeline(contactId: string, limit: number, cursor?: string): Promise<TimelinePage>;
  importContacts(csv: string): Promise<{ imported: number }>;
  getSync(kind: SyncKind): Promise<SyncStatus>;
  enableSync(kind: SyncKind): Promise<SyncStatus>;
  /** containerRemoved: whether the calendar or contact folder was removed from Outlook now (false: already gone). */
  disableSync(kind: SyncKind): Promise<{ status: SyncStatus; containerRemoved: boolean }>;
  getContactMapping(): Promise<ContactMappingOffer>;
  /** Refused with 400 mapping_invalid and `problems` row by row; nothing is saved then. */
  saveContactMapping(mapping: ContactMappingRow[]): Promise<{ mapping: ContactMappingRow[]; isDefault: boolean }>;
  /** Administrators: the users whose sync is failing. */
  listFailingSyncs(): Promise<{ users: FailingSync[] }>;
  listSetAside(kind: SyncKind): Promise<{ items: SetAsideItem[] }>;
  /** One more attempt for one set-aside item (by id) or all of them, in a run queued now. */
  retrySetAside(kind: SyncKind, id?: number): Promise<{ retried: number }>;
}

/** An API client that authenticates every call and retries once with a fresh token on 401. */
export function createApi(language: Language, getToken: TokenSource): Api {
  const call = async <T>(method: string, path: string, body?: unknown, noContent = false): Promise<T> => {
    try {
      return await send<T>(method, path, language, await getToken(), body, noContent);
    } catch (error) {
      if (!(error instanceof ApiError) || !error.isAuthentication) throw error;
      // unauthenticated / token_expired: MSAL's cached token may be stale; one fresh token, then give up.
      return send<T>(method, path, language, await getToken({ forceRefresh: true }), body, noContent);
    }
  };
  return {
    getMe: () => call<Me>('GET', '/api/me'),
    createOrganisation: () => call<Me>('POST', '/api/organisations', { acceptTerms: true }),
    linkAccount: (email, password) => call<Me>('POST', '/api/account-links', { email, password }),
    acceptInvitation: (token) =>
      call<Me>(
        'POST',
        '/api/invitations/accept',
        token === undefined ? { acceptTerms: true } : { acceptTerms: true, token },
      ),
    checkInvitation: (token) => call<void>('POST', '/api/invitations/check', { token }, true),
    requestAccess: () => call<RequestAccessResult>('POST', '/api/access-requests'),
    listUsers: () => call<UsersOverview>('GET', '/api/users'),
    listDirectoryUsers: () => call<{ users: DirectoryUser[] }>('GET', '/api/directory-users'),
    inviteDirectoryUsers: (directoryUserIds) =>
      call<{ outcomes: InviteOutcome[] }>('POST', '/api/invitations', { directoryUserIds }),
    inviteByEmail: (email, name) =>
      call<{ outcomes: InviteOutcome[] }>('POST', '/api/invitations', name ? { email, name } : { email }),
    resendInvitation: (id) => call<{ mailSent: boolean }>('POST', `/api/invitations/${encodeURIComponent(id)}/resend`),
    revokeInvitation: (id) => call<void>('POST', `/api/invitations/${encodeURIComponent(id)}/revoke`, undefined, true),
    getAccessRequest: (id) => call<AccessRequest>('GET', `/api/access-requests/${encodeURIComponent(id)}`),
    decideAccessRequest: (id, decision) =>
      call<AccessRequest>('POST', `/api/access-requests/${encodeURIComponent(id)}/${decision}`),
    getChanges: () => call<{ version: string }>('GET', '/api/changes'),
    changeUser: (id, change) => call<CrmUser>('PATCH', `/api/users/${encodeURIComponent(id)}`, change),
    deactivateUser: (id) => call<CrmUser>('POST', `/api/users/${encodeURIComponent(id)}/deactivate`),
    activateUser: (id) => call<CrmUser>('POST', `/api/users/${encodeURIComponent(id)}/activate`),
    listEventPage: (query) => call<EventPage>('GET', `/api/events?${eventPageParams(query)}`),
    createEvent: (input) => call<CrmEvent>('POST', '/api/events', input),
    updateEvent: (id, changes) => call<CrmEvent>('PATCH', `/api/events/${encodeURIComponent(id)}`, changes),
    deleteEvent: (id) => call<void>('DELETE', `/api/events/${encodeURIComponent(id)}`, undefined, true),
    importEvents: (csv) => call<{ imported: number }>('POST', '/api/events/import', { csv }),
    listOccurrences: (id, from, to) =>
      call<{ occurrences: Occurrence[] }>(
        'GET',
        `/api/events/${encodeURIComponent(id)}/occurrences?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      ),
    updateOccurrence: (id, date, changes) =>
      call<CrmEvent>('PATCH', `/api/events/${encodeURIComponent(id)}/occurrences/${encodeURIComponent(date)}`, changes),
    cancelOccurrence: (id, date) =>
      call<CrmEvent>('DELETE', `/api/events/${encodeURIComponent(id)}/occurrences/${encodeURIComponent(date)}`),
    listContacts: (q) =>
      call<{ contacts: Contact[] }>('GET', q ? `/api/contacts?q=${encodeURIComponent(q)}` : '/api/contacts'),
    lookupContact: (email) =>
      call<{ contact: LookedUpContact | null }>('GET', `/api/contacts/lookup?email=${encodeURIComponent(email)}`),
    createContact: (input) => call<Contact>('POST', '/api/contacts', input),
    updateContact: (id, changes) => call<Contact>('PATCH', `/api/contacts/${encodeURIComponent(id)}`, changes),
    deleteContact: (id) => call<void>('DELETE', `/api/contacts/${encodeURIComponent(id)}`, undefined, true),
    lookupMail: (internetMessageId, addresses) =>
      call<MailLookup>('POST', '/api/mails/lookup', {
        ...(internetMessageId === undefined ? {} : { internetMessageId }),
        addresses,
      }),
    fileMail: (itemId, contactIds) => call<FiledMail>('POST', '/api/mails', { itemId, contactIds }),
    markFileOnSend: () => call<{ token: string; property: string; expiresAt: string }>('POST', '/api/mails/on-send'),
    cancelFileOnSend: (token) =>
      call<void>('DELETE', `/api/mails/on-send/${encodeURIComponent(token)}`, undefined, true),
    removeMail: (id) => call<{ mail: FiledMail | null }>('DELETE', `/api/mails/${encodeURIComponent(id)}`),
    readMail: (id) => call<FiledMail>('GET', `/api/mails/${encodeURIComponent(id)}`),
    contactTimeline: (contactId, limit, cursor) =>
      call<TimelinePage>(
        'GET',
        `/api/contacts/${encodeURIComponent(contactId)}/timeline?limit=${limit}${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`,
      ),
    importContacts: (csv) => call<{ imported: number }>('POST', '/api/contacts/import', { csv }),
    getSync: (kind) => call<SyncStatus>('GET', `/api/sync/${kind}`),
    enableSync: (kind) => call<SyncStatus>('POST', `/api/sync/${kind}/enable`),
    disableSync: async (kind) => {
      const { calendarRemoved, folderRemoved, ...status } = await call<
        SyncStatus & { calendarRemoved?: boolean; folderRemoved?: boolean }
      >('POST', `/api/sync/${kind}/disable`);
      return { status, containerRemoved: (kind === 'calendar' ? calendarRemoved : folderRemoved) === true };
    },
    getContactMapping: () => call<ContactMappingOffer>('GET', '/api/sync/contacts/mapping'),
    saveContactMapping: (mapping) =>
      call<{ mapping: ContactMappingRow[]; isDefault: boolean }>('PUT', '/api/sync/contacts/mapping', { mapping }),
    listFailingSyncs: () => call<{ users: FailingSync[] }>('GET', '/api/sync/failing'),
    listSetAside: (kind) => call<{ items: SetAsideItem[] }>('GET', `/api/sync/${kind}/set-aside`),
    retrySetAside: (kind, id) =>
      call<{ retried: number }>('POST', `/api/sync/${kind}/set-aside/retry`, id === undefined ? {} : { id }),
  };
}

function eventPageParams({ view, limit, cursor, attendees = [] }: EventPageQuery): string {
  const params = new URLSearchParams({ view });
  if (limit !== undefined) params.set('limit', String(limit));
  if (cursor !== undefined) params.set('cursor', cursor);
  for (const email of attendees) params.append('attendee', email);
  return params.toString();
}

async function send<T>(
  method: string,
  path: string,
  language: Language,
  token: string | undefined,
  body: unknown,
  /** The call answers 204 on success: an empty body is the expected answer, not a broken one. */
  noContent = false,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', undefined);
  }

  const parsed = await readJson(response);
  if (!response.ok) throw toApiError(response.status, parsed);
  if (noContent) return undefined as T;
  if (parsed === undefined) throw new ApiError(response.status, 'bad_response', undefined);
  return parsed as T;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
