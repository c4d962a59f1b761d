import type { OutlookItem } from '@microsoft/microsoft-graph-types';
import { calendarWindow } from '../calendar/calendarWindow.js';
import { GraphError } from '../../graph/graphError.js';
import type { BatchRequest, BatchResponse, MailboxGraph } from '../../graph/mailboxGraph.js';
import type { Page } from '../../graph/paging.js';
import { MAIL_DELTA_FIELDS, MAIL_LOOKBACK_DAYS } from '../mail/mailFolders.js';

export type { Page };

/** A Graph item as the engine sees it, whatever its kind: an Outlook item with its id, maybe a delta's removal mark. */
export type GraphItem = Pick<OutlookItem, 'changeKey' | 'lastModifiedDateTime'> & {
  id: string;
  '@removed'?: { reason: string };
};

/** How a kind's container and items are addressed in Graph (calendars/events, contactFolders/contacts). */
export interface ContainerShape {
  collection: 'calendars' | 'contactFolders' | 'mailFolders';
  items: 'events' | 'contacts' | 'messages';
  /** The property that names a container: `name` for calendars, `displayName` for contact and mail folders. */
  nameProperty: 'name' | 'displayName';
  /** When the subscription covers more than the container (all of a mailbox's messages): that resource. */
  subscriptionResource?(base: string): string;
  /** The first request of a fresh delta round. */
  firstDeltaPath(containerPath: string, now: Date): string;
  deltaPrefer: string;
}

/** The Graph requests of a sync for one user's mailbox and one kind, app-only (`/users/{id}`, never `/me`). */
export class ContainerGraph {
  readonly base: string;

  constructor(
    readonly graph: MailboxGraph,
    mailboxUserId: string,
    readonly shape: ContainerShape,
  ) {
    this.base = `/users/${encodeURIComponent(mailboxUserId)}`;
  }

  /** Creates the brand-named container, or finds it when one of that name already exists (409). */
  async createContainer(name: string): Promise<string> {
    const { collection, nameProperty } = this.shape;
    try {
      return (await this.graph.post<{ id: string }>(`${this.base}/${collection}`, { [nameProperty]: name })).id;
    } catch (error) {
      if (!(error instanceof GraphError) || error.status !== 409) throw error;
      const existing = await this.graph.get<Page<Record<string, string>>>(
        `${this.base}/${collection}?$select=id,${nameProperty}&$top=100`,
      );
      const match = existing.value.find((container) => container[nameProperty] === name);
      if (!match?.id) throw error;
      return match.id;
    }
  }

  /** True when the container still exists. */
  async containerExists(containerId: string): Promise<boolean> {
    try {
      await this.graph.get(`${this.base}/${this.shape.collection}/${containerId}?$select=id`);
      return true;
    } catch (error) {
      if (error instanceof GraphError && error.kind === 'not_found') return false;
      throw error;
    }
  }

  /** Deletes the container with its items; false when it was already gone. */
  async deleteContainer(containerId: string): Promise<boolean> {
    try {
      await this.graph.delete(`${this.base}/${this.shape.collection}/${containerId}`);
      return true;
    } catch (error) {
      if (error instanceof GraphError && error.kind === 'not_found') return false;
      throw error;
    }
  }

  /** The item, or undefined when Microsoft 365 no longer has it. */
  async findItem(itemId: string): Promise<GraphItem | undefined> {
    try {
      return await this.graph.get<GraphItem>(`${this.base}/${this.shape.items}/${itemId}?$select=id,changeKey`);
    } catch (error) {
      if (error instanceof GraphError && error.kind === 'not_found') return undefined;
      throw error;
    }
  }

  /** The whole item as a delta page would carry it, or undefined when Microsoft 365 no longer has it. */
  async readItem<T extends GraphItem>(itemId: string): Promise<T | undefined> {
    try {
      return await this.graph.get<T>(`${this.base}/${this.shape.items}/${encodeURIComponent(itemId)}`, {
        Prefer: this.shape.deltaPrefer,
      });
    } catch (error) {
      if (error instanceof GraphError && error.kind === 'not_found') return undefined;
      throw error;
    }
  }

  /** Items of the container carrying a single-value extended property with this value (our stamp). */
  async findStamped(containerId: string, propertyId: string, value: string): Promise<GraphItem[]> {
    const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${propertyId}' and ep/value eq '${value}')`;
    return (
      await this.graph.get<Page<GraphItem>>(
        `${this.containerPath(containerId)}/${this.shape.items}?$filter=${encodeURIComponent(filter)}&$select=id`,
      )
    ).value;
  }

  /** The subscription resource for the container's items, as Graph wants it (no leading slash). */
  subscriptionResource(containerId: string): string {
    if (this.shape.subscriptionResource) return this.shape.subscriptionResource(this.base).slice(1);
    return `${this.containerPath(containerId).slice(1)}/${this.shape.items}`;
  }

  createRequest(containerId: string, id: string, body: unknown): BatchRequest {
    return {
      id,
      method: 'POST',
      url: `${this.containerPath(containerId)}/${this.shape.items}`,
      body,
      headers: { 'Content-Type': 'application/json' },
    };
  }

  updateRequest(id: string, itemId: string, body: unknown): BatchRequest {
    return {
      id,
      method: 'PATCH',
      url: `${this.base}/${this.shape.items}/${itemId}`,
      body,
      headers: { 'Content-Type': 'application/json' },
    };
  }

  deleteRequest(id: string, itemId: string): BatchRequest {
    return { id, method: 'DELETE', url: `${this.base}/${this.shape.items}/${itemId}` };
  }

  batch(requests: BatchRequest[]): Promise<Map<string, BatchResponse>> {
    return this.graph.batch(requests);
  }

  firstDeltaUrl(containerId: string, now: Date): string {
    return this.shape.firstDeltaPath(this.containerPath(containerId), now);
  }

  deltaPage<T extends GraphItem>(url: string): Promise<Page<T>> {
    return this.graph.get<Page<T>>(url, { Prefer: this.shape.deltaPrefer });
  }

  private containerPath(containerId: string): string {
    return `${this.base}/${this.shape.collection}/${containerId}`;
  }
}

export const CALENDAR_SHAPE: ContainerShape = {
  collection: 'calendars',
  items: 'events',
  nameProperty: 'name',
  firstDeltaPath(containerPath, now) {
    const { start, end } = calendarWindow(now);
    return `${containerPath}/calendarView/delta?startDateTime=${encodeURIComponent(start.toISOString())}&endDateTime=${encodeURIComponent(end.toISOString())}`;
  },
  deltaPrefer: 'odata.maxpagesize=100, outlook.body-content-type="text"',
};

export const CONTACTS_SHAPE: ContainerShape = {
  collection: 'contactFolders',
  items: 'contacts',
  nameProperty: 'displayName',
  firstDeltaPath: (containerPath) => `${containerPath}/contacts/delta`,
  deltaPrefer: 'odata.maxpagesize=100',
};

/**
 * Mail folders, for automatic filing: the containers are the well-known Inbox and Sent Items, never made by us; one
 * subscription to all the mailbox's messages tells of both. The delta looks back `MAIL_LOOKBACK_DAYS` at most,
 * as `receivedDateTime ge`, the one filter Graph's message delta takes (docs/graph-behaviour.md#message-delta).
 */
export const MAIL_SHAPE: ContainerShape = {
  collection: 'mailFolders',
  items: 'messages',
  nameProperty: 'displayName',
  subscriptionResource: (base) => `${base}/messages`,
  firstDeltaPath(containerPath, now) {
    const since = new Date(now.getTime() - MAIL_LOOKBACK_DAYS * 86_400_000).toISOString();
    const filter = encodeURIComponent(`receivedDateTime ge ${since}`);
    return `${containerPath}/messages/delta?$filter=${filter}&$select=${MAIL_DELTA_FIELDS.join(',')}`;
  },
  deltaPrefer: 'odata.maxpagesize=50, outlook.body-content-type="text"',
};
