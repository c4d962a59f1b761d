import type { Subscription as GraphSubscription } from '@microsoft/microsoft-graph-types';
import { GraphError } from '../graph/graphError.js';
import type { MailboxGraph } from '../graph/mailboxGraph.js';

// Outlook resources allow subscriptions of at most 4,230 minutes (docs/graph-behaviour.md#subscription-lifetime).
const SUBSCRIPTION_MINUTES = 4_200;
/**
 * Renewed once an hour: long before expiry, and often enough that a subscription Graph dropped without a lifecycle
 * notification (the renewal then fails and a new one is made) costs at most an hour of notifications.
 */
export const RENEW_WHEN_LEFT_MS = (SUBSCRIPTION_MINUTES - 60) * 60 * 1000;

/** What Graph answers for a subscription it created or renewed: both are always there. */
export type Subscription = Required<Pick<GraphSubscription, 'id' | 'expirationDateTime'>>;

/** Subscribes to changes of the synced calendar's events; Graph checks the notification URL first (validation). */
export function subscribe(
  graph: MailboxGraph,
  resource: string,
  publicUrl: string,
  clientState: string,
  now: Date,
): Promise<Subscription> {
  return graph.post<Subscription>('/subscriptions', {
    changeType: 'created,updated,deleted',
    notificationUrl: `${publicUrl}/api/graph/notifications`,
    lifecycleNotificationUrl: `${publicUrl}/api/graph/lifecycle`,
    resource,
    expirationDateTime: new Date(now.getTime() + SUBSCRIPTION_MINUTES * 60_000).toISOString(),
    clientState,
  });
}

export function renew(graph: MailboxGraph, subscriptionId: string, now: Date): Promise<Subscription> {
  return graph.patch<Subscription>(`/subscriptions/${subscriptionId}`, {
    expirationDateTime: new Date(now.getTime() + SUBSCRIPTION_MINUTES * 60_000).toISOString(),
  });
}

/** Removes a subscription; one that is already gone counts as removed. */
export async function unsubscribe(graph: MailboxGraph, subscriptionId: string): Promise<void> {
  try {
    await graph.delete(`/subscriptions/${subscriptionId}`);
  } catch (error) {
    if (!(error instanceof GraphError && error.kind === 'not_found')) throw error;
  }
}
