import type { Stack } from './stack.js';

export interface OutlookEvent {
  id: string;
  subject: string;
  changeKey: string;
  iCalUId: string;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  isAllDay: boolean;
  location: { displayName: string };
  attendees: { emailAddress: { address: string } }[];
  recurrence: unknown;
  type: string;
  body: { contentType: string; content: string };
  showAs: string;
  singleValueExtendedProperties?: { id: string; value: string }[];
}

/**
 * A person working in Outlook: Graph calls with their own delegated token, as Outlook would make them. The sync
 * never uses this; tests use it to make changes "in Microsoft 365" and to look at what is there.
 */
export class Outlook {
  private token: string | undefined;

  constructor(
    private readonly stack: Stack,
    readonly upn: string,
  ) {}

  async calendars(): Promise<{ id: string; name: string }[]> {
    return ((await this.graph('GET', `/me/calendars?$top=100`)) as { value: { id: string; name: string }[] }).value;
  }

  async calendarNamed(name: string): Promise<{ id: string; name: string } | undefined> {
    return (await this.calendars()).find((calendar) => calendar.name === name);
  }

  /** Every stored item (singles and series masters) of a calendar, through the local tenant's inspection API. */
  async events(calendarId: string): Promise<OutlookEvent[]> {
    const response = await this.stack.fetch(
      `${this.stack.tenant.url}/_devtenant/api/mailboxes/${encodeURIComponent(this.upn)}/calendars/${calendarId}/events`,
    );
    return ((await response.json()) as { value: OutlookEvent[] }).value;
  }

  async instances(eventId: string, start: string, end: string): Promise<OutlookEvent[]> {
    return (
      (await this.graph(
        'GET',
        `/me/events/${eventId}/instances?startDateTime=${encodeURIComponent(start)}&endDateTime=${encodeURIComponent(end)}`,
      )) as { value: OutlookEvent[] }
    ).value;
  }

  async contactFolderNamed(name: string): Promise<{ id: string; displayName: string } | undefined> {
    return (
      (await this.graph('GET', `/me/contactFolders?$top=100`)) as { value: { id: string; displayName: string }[] }
    ).value.find((folder) => folder.displayName === name);
  }

  /** Every stored contact of a folder, through the local tenant's inspection API. */
  async contacts(folderId: string): Promise<Record<string, unknown>[]> {
    const response = await this.stack.fetch(
      `${this.stack.tenant.url}/_devtenant/api/mailboxes/${encodeURIComponent(this.upn)}/contactFolders/${folderId}/contacts`,
    );
    return ((await response.json()) as { value: Record<string, unknown>[] }).value;
  }

  async createContact(folderId: string, contact: Record<string, unknown>): Promise<{ id: string }> {
    return (await this.graph('POST', `/me/contactFolders/${folderId}/contacts`, contact)) as { id: string };
  }

  async updateContact(contactId: string, changes: Record<string, unknown>): Promise<void> {
    await this.graph('PATCH', `/me/contacts/${contactId}`, changes);
  }

  async deleteContact(contactId: string): Promise<void> {
    await this.graph('DELETE', `/me/contacts/${contactId}`);
  }

  async deleteContactFolder(folderId: string): Promise<void> {
    await this.graph('DELETE', `/me/contactFolders/${folderId}`);
  }

  async create(calendarId: string, event: Record<string, unknown>): Promise<OutlookEvent> {
    return (await this.graph('POST', `/me/calendars/${calendarId}/events`, event)) as OutlookEvent;
  }

  async update(eventId: string, changes: Record<string, unknown>): Promise<OutlookEvent> {
    return (await this.graph('PATCH', `/me/events/${eventId}`, changes)) as OutlookEvent;
  }

  async delete(eventId: string): Promise<void> {
    await this.graph('DELETE', `/me/events/${eventId}`);
  }

  /**
   * Outlook's "Move to" another calendar of this mailbox (`default` = the default calendar). Graph v1.0 has no move
   * for events, so this goes through the local tenant's inspection API. The item gets a new id there, keeps its iCalUId.
   */
  async move(eventId: string, calendarId: string): Promise<OutlookEvent> {
    const response = await this.stack.fetch(
      `${this.stack.tenant.url}/_devtenant/api/mailboxes/${encodeURIComponent(this.upn)}/events/${encodeURIComponent(eventId)}/move`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ calendarId }),
      },
    );
    const text = await response.text();
    if (!response.ok) throw new Error(`move ${eventId} → ${calendarId}: ${response.status} ${text}`);
    return JSON.parse(text) as OutlookEvent;
  }

  async deleteCalendar(calendarId: string): Promise<void> {
    await this.graph('DELETE', `/me/calendars/${calendarId}`);
  }

  /** Meeting requests and cancellations in the Inbox. */
  async meetingMessages(): Promise<{ subject: string; meetingMessageType?: string }[]> {
    const response = await this.stack.fetch(
      `${this.stack.tenant.url}/_devtenant/api/mailboxes/${encodeURIComponent(this.upn)}/messages?folder=inbox`,
    );
    const messages = ((await response.json()) as { value: { subject: string; meetingMessageType?: string }[] }).value;
    return messages.filter((message) => message.meetingMessageType && message.meetingMessageType !== 'none');
  }

  private async graph(method: string, path: string, body?: unknown): Promise<unknown> {
    this.token ??= await this.delegatedToken();
    const response = await this.stack.fetch(`${this.stack.tenant.url}/v1.0${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${text}`);
    return text ? JSON.parse(text) : undefined;
  }

  private async delegatedToken(): Promise<string> {
    const response = await this.stack.fetch(`${this.stack.tenant.url}/organizations/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: '3f6c1e2a-9d84-4b7e-a5c3-7e2d9f1b6a08',
        client_secret: this.stack.clientSecret,
        username: this.upn,
        password: this.stack.tenant.password,
        scope: 'https://graph.microsoft.com/Calendars.ReadWrite https://graph.microsoft.com/Contacts.ReadWrite',
      }).toString(),
    });
    const json = (await response.json()) as { access_token?: string };
    if (!json.access_token) throw new Error(`no Graph token for ${this.upn}: ${JSON.stringify(json)}`);
    return json.access_token;
  }
}
