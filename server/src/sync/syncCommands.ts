import { AppError } from '../errors.js';
import type { MicrosoftIdentity } from '../crm/identity.js';
import { requireMember, type Member } from '../crm/member.js';
import { findOrganisationById } from '../crm/organisations.js';
import { createGraphTenantDirectory } from '../graph/tenantDirectory.js';
import { RetryLater } from '../jobs/jobQueue.js';
import { StoreUnavailableError } from '../store/storeUnavailable.js';
import type { SyncBindingRow, SyncKind, UserRow } from '../store/schema.js';
import { containerCreated, resumed, startBinding, stopBinding, subscriptionRenewed } from './bindingStates.js';
import { activeBindingIdsOf, activeBindings, findBinding, findBindingById, liveBindingsOfUser } from './bindings.js';
import { adapterFor } from './kinds.js';
import type { ContainerGraph } from './engine/containerGraph.js';
import { recordFailure, runSync } from './engine/runSync.js';
import { containerGraphFor, type SyncDependencies } from './syncDependencies.js';
import { logSync } from './syncLog.js';
import { runMailFiling } from './mail/fileMailbox.js';
import { MAILBOX_CONTAINER } from './mail/mailFolders.js';
import { RENEW_WHEN_LEFT_MS, renew, subscribe, unsubscribe } from './subscriptions.js';

export const SYNC_JOB = 'sync.run';
const ENABLED_REASON: Record<SyncKind, string> = {
  calendar: 'enabled',
  contacts: 'enabled_contacts',
  mail: 'enabled_mail',
};
/** When a run that lost its database is tried again: an outage usually ends within seconds (a failover, a restart). */
const STORE_OUTAGE_RETRY_SECONDS = 15;

/**
 * Enable (Settings > Setup > Marketplace > Microsoft): creates the brand-named calendar or contact folder,
 * subscribes to its changes and starts the first sync in the background. Enabling what is on (or needs a
 * reconnect) resumes it.
 */
export async function enableSync(
  deps: SyncDependencies,
  identity: MicrosoftIdentity,
  kind: SyncKind,
): Promise<SyncBindingRow> {
  const { user, organisation } = await requireMember(deps.db, identity);
  if (!user.tenant_id || !user.object_id) throw new AppError('sync_not_possible');
  const existing = await findBinding(deps.db, user.id, kind);
  if (existing && existing.status !== 'disabled' && existing.container_id) {
    await resumed(deps.db, existing);
    await kickBinding(deps, existing.id);
    return (await findBindingById(deps.db, existing.id))!;
  }
  const binding = await startBinding(deps.db, organisation.id, user.id, kind, deps.now());
  try {
    const graph = await containerGraphFor(deps, user.tenant_id, user.object_id, kind);
    if (kind === 'mail') {
      // The mailbox's own folders are read; nothing is made. Colleagues are known by the tenant's verified domains.
      const { verifiedDomains } = await createGraphTenantDirectory(
        deps.graphBaseUrl,
        deps.fetch,
        deps.tokens,
      ).describeTenant(identity);
      await containerCreated(deps.db, binding, MAILBOX_CONTAINER, verifiedDomains);
      binding.container_id = MAILBOX_CONTAINER;
    } else {
      const containerId = await graph.createContainer(deps.brandName);
      await containerCreated(deps.db, binding, containerId);
      binding.container_id = containerId;
    }
    await ensureSubscription(deps, binding, graph);
  } catch (error) {
    await stopBinding(deps.db, binding, 'user', deps.now());
    throw error;
  }
  await logSync(deps.db, binding, { direction: 'none', action: 'enabled', reason: ENABLED_REASON[kind] }, deps.now());
  await kickBinding(deps, binding.id);
  return (await findBindingById(deps.db, binding.id))!;
}

/** Disable: stops the sync and removes the container (and so the synced items) from Microsoft 365; the CRM keeps every item. */
export async function disableSync(
  deps: SyncDependencies,
  identity: MicrosoftIdentity,
  kind: SyncKind,
): Promise<{ containerRemoved: boolean }> {
  const { user } = await requireMember(deps.db, identity);
  const binding = await findBinding(deps.db, user.id, kind);
  if (!binding || binding.status === 'disabled') throw new AppError('sync_not_enabled');
  await stopBinding(deps.db, binding, 'user', deps.now());
  let containerRemoved = false;
  if (user.tenant_id && user.object_id && binding.container_id) {
    const graph = await containerGraphFor(deps, user.tenant_id, user.object_id, kind);
    if (binding.subscription_id)
      await unsubscribe(graph.graph, binding.subscription_id).catch((error: unknown) =>
        deps.logger.warn({ err: error }, 'could not delete subscription'),
      );
    // Turning automatic filing off keeps what was filed, and leaves the mailbox as it is.
    if (kind !== 'mail') containerRemoved = await graph.deleteContainer(binding.container_id);
  }
  const reason = kind === 'mail' ? 'disabled_mail' : containerRemoved ? 'disabled_removed' : 'disabled_already_gone';
  await logSync(deps.db, binding, { direction: 'none', action: 'disabled', reason }, deps.now());
  return { containerRemoved };
}

/**
 * A deactivated user's syncs end like a Disable (the calendar and contact folder leave their mailbox, the CRM keeps
 * every item), with the reason in their log. Microsoft 365 being unreachable does not keep the user active: the
 * binding is off either way and the sweep never runs it again.
 */
export async function stopSyncsOfDeactivatedUser(
  deps: SyncDependencies,
  user: Pick<UserRow, 'id' | 'tenant_id' | 'object_id'>,
): Promise<void> {
  for (const binding of await liveBindingsOfUser(deps.db, user.id)) {
    await stopBinding(deps.db, binding, 'user_deactivated', deps.now());
    await logSync(deps.db, binding, { direction: 'none', action: 'disabled', reason: 'user_deactivated' }, deps.now());
    if (!user.tenant_id || !user.object_id || !binding.container_id) continue;
    try {
      const graph = await containerGraphFor(deps, user.tenant_id, user.object_id, binding.kind);
      if (binding.subscription_id) await unsubscribe(graph.graph, binding.subscription_id);
      if (binding.kind !== 'mail') await graph.deleteContainer(binding.container_id);
    } catch (error) {
      deps.logger.warn({ err: error, bindingId: binding.id }, 'could not remove the container of a deactivated user');
    }
  }
}

/** Queues a run for the binding; a burst of requests while one waits becomes that one run. */
export async function kickBinding(deps: SyncDependencies, bindingId: string): Promise<void> {
  await deps.queue.enqueue(SYNC_JOB, { bindingId }, { singletonKey: bindingId });
}

/** Queues runs for the active bindings of this kind of these users (after their CRM items changed). */
export async function kickUsers(deps: SyncDependencies, userIds: string[], kind: SyncKind = 'calendar'): Promise<void> {
  for (const bindingId of await activeBindingIdsOf(deps.db, userIds, kind)) await kickBinding(deps, bindingId);
}

/**
 * The job: one run of one binding; when `signal` aborts, the run stops before its next Graph request. A run the
 * database failed under is tried again later without counting against the binding or the job's attempts: neither
 * the user's data nor the sync is at fault.
 */
export async function runBinding(deps: SyncDependencies, bindingId: string, signal?: AbortSignal): Promise<void> {
  try {
    await runBindingOnce(deps, bindingId, signal);
  } catch (error) {
    if (error instanceof StoreUnavailableError) throw new RetryLater(STORE_OUTAGE_RETRY_SECONDS, { cause: error });
    throw error;
  }
}

async function runBindingOnce(deps: SyncDependencies, bindingId: string, signal?: AbortSignal): Promise<void> {
  const binding = await findBindingById(deps.db, bindingId);
  if (!binding || binding.status !== 'active' || !binding.container_id) return;
  const user = await deps.db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'object_id', 'status'])
    .where('id', '=', binding.user_id)
    .executeTakeFirst();
  if (!user) return;
  // A deactivation whose process died before it stopped the syncs is finished here, by the next run.
  if (user.status !== 'active') return stopSyncsOfDeactivatedUser(deps, user);
  if (!user.tenant_id || !user.object_id) return;
  const run = { db: deps.db, binding, now: deps.now, reviewSeconds: deps.reviewSeconds };
  let graph: ContainerGraph;
  try {
    graph = await containerGraphFor(deps, user.tenant_id, user.object_id, binding.kind, signal);
  } catch (error) {
    // No token for the tenant (consent withdrawn) is a failure of this binding the user must see.
    if (!(error instanceof StoreUnavailableError)) await recordFailure(run, error);
    throw error;
  }
  if (binding.kind === 'mail') {
    const member = await memberOf(deps, binding.user_id);
    if (member) await runMailFiling(run, graph, member);
    return;
  }
  await runSync(run, graph, await adapterFor(run, graph));
}

async function memberOf(deps: SyncDependencies, userId: string): Promise<Member | undefined> {
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  const organisation = user && (await findOrganisationById(deps.db, user.organisation_id));
  return user && organisation ? { user, organisation } : undefined;
}

/**
 * The safety net: every active binding with pending changes, an unfinished first sync, or no successful run for a
 * while gets a run; subscriptions are renewed hourly (or made again).
 */
export async function sweepSync(deps: SyncDependencies): Promise<void> {
  const now = deps.now();
  const stale = new Date(now.getTime() - deps.safetyNetSeconds * 1000).toISOString();
  for (const binding of await activeBindings(deps.db)) {
    const pending = await deps.db
      .selectFrom('sync_outbox')
      .select(['id'])
      .where('user_id', '=', binding.user_id)
      .where('kind', '=', binding.kind)
      .limit(1)
      .executeTakeFirst();
    if (pending || binding.stage === 'initial' || !binding.last_success_at || binding.last_success_at < stale)
      await kickBinding(deps, binding.id);
    const expiring =
      !binding.subscription_expires_at ||
      Date.parse(binding.subscription_expires_at) - now.getTime() < RENEW_WHEN_LEFT_MS;
    if (expiring && binding.container_id) {
      try {
        const user = await deps.db
          .selectFrom('users')
          .select(['tenant_id', 'object_id'])
          .where('id', '=', binding.user_id)
          .executeTakeFirstOrThrow();
        await ensureSubscription(
          deps,
          binding,
          await containerGraphFor(deps, user.tenant_id!, user.object_id!, binding.kind),
        );
      } catch (error) {
        deps.logger.warn(
          { err: error, bindingId: binding.id },
          'subscription renewal failed; the periodic check keeps the sync going',
        );
      }
    }
  }
  // Outbox rows of users who do not sync that kind have nobody to deliver them.
  for (const kind of ['calendar', 'contacts'] as const) {
    await deps.db
      .deleteFrom('sync_outbox')
      .where('kind', '=', kind)
      .where(
        'user_id',
        'not in',
        deps.db.selectFrom('sync_bindings').select('user_id').where('kind', '=', kind).where('status', '=', 'active'),
      )
      .execute();
  }
}

/** Renews the binding's subscription, or creates one when it has none (or Graph forgot it). */
export async function ensureSubscription(
  deps: SyncDependencies,
  binding: SyncBindingRow,
  graph: ContainerGraph,
): Promise<void> {
  const now = deps.now();
  try {
    const subscription = binding.subscription_id
      ? await renew(graph.graph, binding.subscription_id, now).catch(() => undefined)
      : undefined;
    const current =
      subscription ??
      (await subscribe(
        graph.graph,
        graph.subscriptionResource(binding.container_id!),
        deps.publicUrl,
        binding.client_state!,
        now,
      ));
    await subscriptionRenewed(deps.db, binding, { id: current.id, expiresAt: current.expirationDateTime });
  } catch (error) {
    deps.logger.warn(
      { err: error, bindingId: binding.id },
      'no change notifications for this container; the periodic check keeps it in sync',
    );
    await logSync(deps.db, binding, { direction: 'none', action: 'skipped', reason: 'no_subscription' }, now);
  }
}
