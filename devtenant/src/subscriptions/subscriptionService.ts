import type { EventChange } from '../calendar/calendarService.js';
import type { ContactChange } from '../contacts/contactService.js';
import type { DevTenantContext } from '../context.js';
import type { GraphCaller } from '../graph/graphCaller.js';
import { hasPermission } from '../graph/graphCaller.js';
import { GraphError, graphErrors } from '../graph/graphError.js';
import { newGuid } from '../shared/ids.js';
import type { MessageChange } from '../state/mailboxStore.js';
import { parseSubscriptionResource, permissionFor, type SubscriptionTarget } from './subscriptionResource.js';
import { postWebhook, WebhookTimeout, type WebhookTrust } from './webhookClient.js';

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

/** A subscription and what it watches (events, contacts or messages of a mailbox, maybe of one container). */
export interface Subscription extends SubscriptionTarget {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  expiresAt: number;
  applicationId: string;
  creatorId: string;
  tenantId: string;
  /** After reauthorizationRequired: nothing is delivered until reauthorize or a renewing PATCH. */
  paused: boolean;
}

export interface DeliveryRecord {
  at: string;
  url: string;
  kind: 'change' | 'lifecycle' | 'validation';
  subscriptionIds: string[];
  attempt: number;
  status: number | 'error' | 'timeout' | 'dropped';
  items: number;
}

const VALIDATION_TIMEOUT_MS = 10_000;
const DELIVERY_TIMEOUT_MS = 3_000;

function invalid(code: string, message: string): GraphError {
  return new GraphError(400, code, message);
}

/** `2016-03-19T22:11:09.9520000Z`: expirations with 7 fractional digits. */
function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
}

/**
 * Graph change notifications for Outlook events, contacts and messages: subscriptions with the validation handshake,
 * asynchronous batched deliveries with retries, lifecycle notifications, expiry, and the drop/duplicate knobs.
 */
export class SubscriptionService {
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly pending = new Map<
    string,
    { items: Record<string, unknown>[]; subscriptionIds: Set<string>; timer: NodeJS.Timeout }
  >();
  private readonly timers = new Set<NodeJS.Timeout>();
  readonly deliveries: DeliveryRecord[] = [];
  private readonly trust: WebhookTrust;
  private stopped = false;

  constructor(private readonly ctx: DevTenantContext) {
    this.trust = {
      ...(ctx.caCertPem ? { caCertPem: ctx.caCertPem } : {}),
      ...(ctx.tlsCertPem ? { ownCertPem: ctx.tlsCertPem } : {}),
    };
    ctx.calendar.onChange((c) => this.onChange(c));
    ctx.contact.onChange((c) => this.onContactChange(c));
    ctx.mailboxes.onChange((c) => this.onMessageChange(c));
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    for (const p of this.pending.values()) clearTimeout(p.timer);
    this.pending.clear();
  }

  private active(s: Subscription): boolean {
    return s.expiresAt > Date.now();
  }

  all(): Subscription[] {
    return [...this.subscriptions.values()].filter((s) => this.active(s));
  }

  forMailbox(userId: string): Subscription[] {
    return this.all().filter((s) => s.userId === userId);
  }

  private notFound(): GraphError {
    return new GraphError(404, 'ResourceNotFound', 'The object was not found.');
  }

  get(caller: GraphCaller, id: string): Subscription {
    const s = this.subscriptions.get(id);
    if (!s || !this.active(s) || s.tenantId !== caller.tenant.id || s.applicationId !== caller.appId)
      throw this.notFound();
    if (caller.user && s.creatorId !== caller.user.id) throw this.notFound();
    return s;
  }

  list(caller: GraphCaller): Subscription[] {
    return this.all().filter(
      (s) =>
        s.tenantId === caller.tenant.id &&
        s.applicationId === caller.appId &&
        (!caller.user || s.creatorId === caller.user.id),
    );
  }

  private checkExpiration(raw: unknown): number {
    const ms = typeof raw === 'string' ? Date.parse(raw) : NaN;
    if (Number.isNaN(ms))
      throw invalid('InvalidRequest', "The property 'expirationDateTime' is required and must be a date and time.");
    if (ms <= Date.now()) throw invalid('ExtensionError', 'Subscription expiration must be in the future.');
    if (ms > Date.now() + this.ctx.knobs.subscriptionMaxMinutes * 60_000) {
      throw invalid(
        'ExtensionError',
        `Subscription expiration can only be ${this.ctx.knobs.subscriptionMaxMinutes} minutes in the future.`,
      );
    }
    return ms;
  }

  private checkUrl(raw: unknown, name: string): string {
    if (typeof raw !== 'string' || !raw) throw invalid('InvalidRequest', `The property '${name}' is required.`);
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw invalid('InvalidRequest', `The value of '${name}' is not a valid URL.`);
    }
    if (url.protocol !== 'https:')
      throw invalid('InvalidRequest', `Subscription validation request failed. The ${name} must be an HTTPS URL.`);
    return raw;
  }

  async create(caller: GraphCaller, body: Record<string, unknown>): Promise<Subscription> {
    if (!hasPermission(caller, permissionFor(body.resource))) throw graphErrors.mailDenied();
    const changeTypes = typeof body.changeType === 'string' ? body.changeType.split(',').map((s) => s.trim()) : [];
    if (changeTypes.length === 0 || changeTypes.some((c) => !['created', 'updated', 'deleted'].includes(c))) {
      throw invalid(
        'InvalidRequest',
        "The property 'changeType' must be a comma-separated list of 'created', 'updated' and 'deleted'.",
      );
    }
    const notificationUrl = this.checkUrl(body.notificationUrl, 'notificationUrl');
    const lifecycleNotificationUrl =
      body.lifecycleNotificationUrl === undefined || body.lifecycleNotificationUrl === null
        ? null
        : this.checkUrl(body.lifecycleNotificationUrl, 'lifecycleNotificationUrl');
    if (typeof body.resource !== 'string') throw invalid('InvalidRequest', "The property 'resource' is required.");
    const target = parseSubscriptionResource(this.ctx, caller, body.resource);
    const clientState = body.clientState === undefined || body.clientState === null ? null : String(body.clientState);
    if (clientState !== null && clientState.length > 128)
      throw invalid('InvalidRequest', 'The clientState must not be longer than 128 characters.');
    const expiresAt = this.checkExpiration(body.expirationDateTime);
    await this.validate(notificationUrl);
    if (lifecycleNotificationUrl) await this.validate(lifecycleNotificationUrl);
    const subscription: Subscription = {
      id: newGuid(),
      resource: body.resource,
      changeType: changeTypes.join(','),
      notificationUrl,
      lifecycleNotificationUrl,
      clientState,
      expiresAt,
      applicationId: caller.appId,
      creatorId: caller.user?.id ?? caller.appId,
      tenantId: caller.tenant.id,
      ...target,
      paused: false,
    };
    this.subscriptions.set(subscription.id, subscription);
    return subscription;
  }

  /** The handshake: POST ?validationToken=..., expect 200 text/plain echoing the decoded token within 10 s. */
  private async validate(url: string): Promise<void> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${newGuid()}`;
    const target = `${url}${url.includes('?') ? '&' : '?'}validationToken=${encodeURIComponent(token)}`;
    const record: DeliveryRecord = {
      at: new Date().toISOString(),
      url,
      kind: 'validation',
      subscriptionIds: [],
      attempt: 1,
      status: 'error',
      items: 0,
    };
    this.deliveries.push(record);
    let response;
    try {
      response = await postWebhook(
        target,
        { headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '', timeoutMs: VALIDATION_TIMEOUT_MS },
        this.trust,
      );
    } catch (err) {
      if (err instanceof WebhookTimeout) {
        record.status = 'timeout';
        throw invalid('InvalidRequest', 'Subscription validation request timed out.');
      }
      throw invalid(
        'ValidationError',
        'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
      );
    }
    record.status = response.status;
    const text = response.text;
    if (response.status !== 200)
      throw invalid(
        'ValidationError',
        'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.',
      );
    if (text !== token)
      throw invalid(
        'ValidationError',
        'Subscription validation request failed. Response must exactly match validationToken query parameter.',
      );
  }

  renew(caller: GraphCaller, id: string, body: Record<string, unknown>): Subscription {
    const s = this.get(caller, id);
    if (body.lifecycleNotificationUrl !== undefined)
      throw invalid(
        'InvalidRequest',
        'The lifecycleNotificationUrl of a subscription cannot be changed; delete the subscription and create a new one.',
      );
    if (body.expirationDateTime !== undefined) s.expiresAt = this.checkExpiration(body.expirationDateTime);
    if (body.notificationUrl !== undefined) s.notificationUrl = this.checkUrl(body.notificationUrl, 'notificationUrl');
    s.paused = false;
    return s;
  }

  reauthorize(caller: GraphCaller, id: string): void {
    const s = this.get(caller, id);
    s.paused = false;
  }

  delete(caller: GraphCaller, id: string): void {
    const s = this.get(caller, id);
    this.subscriptions.delete(s.id);
  }

  resource(s: Subscription): Record<string, unknown> {
    return {
      id: s.id,
      resource: s.resource,
      applicationId: s.applicationId,
      changeType: s.changeType,
      clientState: s.clientState,
      notificationUrl: s.notificationUrl,
      notificationQueryOptions: null,
      lifecycleNotificationUrl: s.lifecycleNotificationUrl,
      expirationDateTime: stamp(s.expiresAt),
      creatorId: s.creatorId,
      includeResourceData: false,
      latestSupportedTlsVersion: 'v1_2',
      encryptionCertificate: null,
      encryptionCertificateId: null,
      notificationUrlAppId: null,
    };
  }

  // ---- deliveries ----

  private onChange(change: EventChange): void {
    for (const s of this.watching(change.userId, 'events'))
      if (!s.calendarId || s.calendarId === change.calendarId)
        this.notify(s, change.changeType, { collection: 'Events', id: change.eventId, changeKey: change.changeKey });
  }

  private onContactChange(change: ContactChange): void {
    for (const s of this.watching(change.userId, 'contacts'))
      if (!s.folderId || s.folderId === change.folderId)
        this.notify(s, change.changeType, {
          collection: 'Contacts',
          id: change.contactId,
          changeKey: change.changeKey,
        });
  }

  private onMessageChange(change: MessageChange): void {
    for (const s of this.watching(change.userId, 'messages'))
      if (!s.mailFolder || s.mailFolder === change.folder)
        this.notify(s, change.changeType, {
          collection: 'Messages',
          id: change.messageId,
          changeKey: change.changeKey,
        });
  }

  /** The active, unpaused subscriptions on one kind of a mailbox's items. */
  private watching(userId: string, kind: Subscription['kind']): Subscription[] {
    if (this.stopped) return [];
    return this.forMailbox(userId).filter((s) => s.kind === kind && !s.paused);
  }

  /**
   * Queues Graph's notification of one item's change for a subscription that asked for its change type, unless the
   * `dropNextNotifications` knob swallows it. `resource` is `Users/{userId}/{Events | Contacts | Messages}/{id}`.
   */
  private notify(
    s: Subscription,
    changeType: string,
    item: { collection: 'Events' | 'Contacts' | 'Messages'; id: string; changeKey: string },
  ): void {
    if (!s.changeType.split(',').includes(changeType)) return;
    if (this.ctx.knobs.dropNextNotifications > 0) {
      this.ctx.knobs.dropNextNotifications -= 1;
      this.deliveries.push({
        at: new Date().toISOString(),
        url: s.notificationUrl,
        kind: 'change',
        subscriptionIds: [s.id],
        attempt: 0,
        status: 'dropped',
        items: 1,
      });
      return;
    }
    const resource = `Users/${s.userId}/${item.collection}/${item.id}`;
    this.enqueue(s.notificationUrl, s.id, {
      subscriptionId: s.id,
      subscriptionExpirationDateTime: stamp(s.expiresAt),
      changeType,
      resource,
      resourceData: {
        // `#Microsoft.Graph.Message` as Graph's samples write it; Event and Contact by analogy.
        '@odata.type': `#Microsoft.Graph.${item.collection.slice(0, -1)}`,
        '@odata.id': resource,
        '@odata.etag': `W/"${item.changeKey}"`,
        id: item.id,
      },
      clientState: s.clientState,
      tenantId: s.tenantId,
    });
  }

  /** Notifications for one URL that arrive within the delay go out in one POST, as Graph batches them. */
  private enqueue(url: string, subscriptionId: string, item: Record<string, unknown>): void {
    const existing = this.pending.get(url);
    if (existing) {
      existing.items.push(item);
      existing.subscriptionIds.add(subscriptionId);
      return;
    }
    const entry = {
      items: [item],
      subscriptionIds: new Set([subscriptionId]),
      timer: setTimeout(() => {
        this.pending.delete(url);
        const copies = this.ctx.knobs.duplicateNotifications ? 2 : 1;
        for (let i = 0; i < copies; i++)
          void this.deliver(url, 'change', [...entry.subscriptionIds], { value: entry.items }, 1);
      }, this.ctx.knobs.notificationDelayMs),
    };
    this.pending.set(url, entry);
  }

  private async deliver(
    url: string,
    kind: 'change' | 'lifecycle',
    subscriptionIds: string[],
    body: { value: unknown[] },
    attempt: number,
  ): Promise<void> {
    if (this.stopped) return;
    const record: DeliveryRecord = {
      at: new Date().toISOString(),
      url,
      kind,
      subscriptionIds,
      attempt,
      status: 'error',
      items: body.value.length,
    };
    this.deliveries.push(record);
    if (this.deliveries.length > 1000) this.deliveries.splice(0, this.deliveries.length - 1000);
    let ok = false;
    try {
      const response = await postWebhook(
        url,
        {
          headers: { 'content-type': 'application/json; charset=utf-8' },
          body: JSON.stringify(body),
          timeoutMs: DELIVERY_TIMEOUT_MS,
        },
        this.trust,
      );
      record.status = response.status;
      ok = response.status >= 200 && response.status < 300;
    } catch (err) {
      record.status = err instanceof WebhookTimeout ? 'timeout' : 'error';
    }
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- stop() may have run while we awaited
    if (ok || this.stopped) return;
    const delays = this.ctx.knobs.notificationRetryDelaysMs;
    if (attempt > delays.length) return;
    const timer = setTimeout(
      () => {
        this.timers.delete(timer);
        // Expired subscriptions stop delivering, retries included.
        const live = body.value.filter((n) => {
          const s = this.subscriptions.get(String((n as { subscriptionId: string }).subscriptionId));
          return s && this.active(s);
        });
        if (live.length > 0) void this.deliver(url, kind, subscriptionIds, { value: live }, attempt + 1);
      },
      delays[attempt - 1],
    );
    this.timers.add(timer);
  }

  /** Sends a lifecycle notification (inspection API / tests); subscriptionRemoved also removes the subscription. */
  lifecycle(id: string, event: LifecycleEvent): Subscription {
    const s = this.subscriptions.get(id);
    if (!s || !this.active(s)) throw this.notFound();
    if (!s.lifecycleNotificationUrl)
      throw invalid('InvalidRequest', 'This subscription has no lifecycleNotificationUrl.');
    const item = {
      subscriptionId: s.id,
      subscriptionExpirationDateTime: stamp(s.expiresAt),
      tenantId: s.tenantId,
      clientState: s.clientState,
      lifecycleEvent: event,
    };
    if (event === 'reauthorizationRequired') s.paused = true;
    if (event === 'subscriptionRemoved') this.subscriptions.delete(s.id);
    void this.deliver(s.lifecycleNotificationUrl, 'lifecycle', [s.id], { value: [item] }, 1);
    return s;
  }

  /** Test helper: makes a subscription expire now. */
  expire(id: string): boolean {
    const s = this.subscriptions.get(id);
    if (!s) return false;
    s.expiresAt = Date.now() - 1;
    return true;
  }
}
