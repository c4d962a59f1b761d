import { GraphRequestError, type BatchRequest, type BatchResponse, type MailboxGraph } from '../../graph/mailboxGraph.js';
import type { GraphEvent } from './graphEvent.js';

interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

// calendarView/delta needs a window of at most 5 years (GRAPH.md §3, §5.1): a year back and three ahead.
const WINDOW_PAST_DAYS = 365;
const WINDOW_FUTURE_DAYS = 3 * 365;
const DELTA_PREFER = 'odata.maxpagesize=100, outlook.body-content-type="text"';

/** The Graph requests of the calendar sync for one user's mailbox, app-only (`/users/{id}`, never `/me`). */
export class CalendarGraph {
  readonly base: string;

  constructor(readonly graph: MailboxGraph, mailboxUserId: string) {
    this.base = `/users/${encodeURIComponent(mailboxUserId)}`;
  }

  /** Creates the brand-named calendar, or finds it when a calendar of that name already exists (409). */
  async createCalendar(name: string): Promise<string> {
    try {
      return (await this.graph.post<{ id: string }>(`${this.base}/calendars`, { name })).id;
    } catch (error) {
      if (!(error instanceof GraphRequestError) || error.failure.status !== 409) throw error;
      const existing = await this.graph.get<Page<{ id: string; name: string }>>(`${this.base}/calendars?$select=id,name&$top=100`);
      const match = existing.value.find((calendar) => calendar.name === name);
      if (!match) throw error;
      return match.id;
    }
  }

  /** True when the calendar still exists. */
  async calendarExists(calendarId: string): Promise<boolean> {
    try {
      await this.graph.get(`${this.base}/calendars/${calendarId}?$select=id`);
      return true;
    } catch (error) {
      if (error instanceof GraphRequestError && error.failure.kind === 'not_found') return false;
      throw error;
    }
  }

  /** Deletes the calendar with its events; false when it was already gone. */
  async deleteCalendar(calendarId: string): Promise<boolean> {
    try {
      await this.graph.delete(`${this.base}/calendars/${calendarId}`);
      return true;
    } catch (error) {
      if (error instanceof GraphRequestError && error.failure.kind === 'not_found') return false;
      throw error;
    }
  }

  /** The event, or undefined when Outlook no longer has it. */
  async findEvent(eventId: string): Promise<GraphEvent | undefined> {
    try {
      return await this.graph.get<GraphEvent>(`${this.base}/events/${eventId}?$select=id,changeKey,start,end`);
    } catch (error) {
      if (error instanceof GraphRequestError && error.failure.kind === 'not_found') return undefined;
      throw error;
    }
  }

  createRequest(calendarId: string, id: string, body: unknown): BatchRequest {
    return { id, method: 'POST', url: `${this.base}/calendars/${calendarId}/events`, body, headers: { 'Content-Type': 'application/json' } };
  }

  updateRequest(id: string, eventId: string, body: unknown): BatchRequest {
    return { id, method: 'PATCH', url: `${this.base}/events/${eventId}`, body, headers: { 'Content-Type': 'application/json' } };
  }

  deleteRequest(id: string, eventId: string): BatchRequest {
    return { id, method: 'DELETE', url: `${this.base}/events/${eventId}` };
  }

  batch(requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
    return this.graph.batch(requests);
  }

  /** The first page of a fresh delta round over the sync window. */
  firstDeltaUrl(calendarId: string, now: Date): string {
    const start = new Date(now.getTime() - WINDOW_PAST_DAYS * 86_400_000).toISOString();
    const end = new Date(now.getTime() + WINDOW_FUTURE_DAYS * 86_400_000).toISOString();
    return `${this.base}/calendars/${calendarId}/calendarView/delta?startDateTime=${encodeURIComponent(start)}&endDateTime=${encodeURIComponent(end)}`;
  }

  deltaPage(url: string): Promise<Page<GraphEvent>> {
    return this.graph.get<Page<GraphEvent>>(url, { Prefer: DELTA_PREFER });
  }
}
