import { Router } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { SYNC_KINDS, type SyncKind } from '../../../../common/api/enums.js';
import {
  graphNotificationBody,
  retrySetAsideBody,
  type FailingSync,
  type SetAsideItem,
  type SyncStatus,
} from '../../../../common/api/sync.js';
import { requireMember } from '../../crm/member.js';
import { requirePermission } from '../../crm/permissions.js';
import type { SyncBindingRow } from '../../store/schema.js';
import { activeBindingBySubscription, failingBindings, findBinding } from '../../sync/bindings.js';
import { countConfirmedLinks } from '../../sync/syncLinks.js';
import { listSetAside, retrySetAsideItems } from '../../sync/setAsideCommands.js';
import { disableSync, enableSync, ensureSubscription, kickBinding } from '../../sync/syncCommands.js';
import { containerGraphFor, type SyncDependencies } from '../../sync/syncDependencies.js';
import { recentSyncLog } from '../../sync/syncLog.js';
import { groupSyncLog } from '../../sync/syncLogGroups.js';
import { describeSyncReason } from '../../i18n/syncLogReasons.js';
import { syncErrorMessage } from '../../i18n/syncMessages.js';
import { identityOf } from '../authenticate.js';
import type { ServiceDependencies } from '../dependencies.js';
import { languageFromAcceptLanguage, type Language } from '../../i18n/language.js';

/** Calendar sync: status, enable and disable for the signed-in user; failing users for administrators. */
export function syncRoutes(deps: ServiceDependencies, sync: SyncDependencies): Router {
  const router = Router();

  for (const kind of SYNC_KINDS) {
    router.get(`/api/sync/${kind}`, async (req, res) => {
      const { user } = await requireMember(deps.store.db, identityOf(res));
      res.json(
        await presentStatus(
          deps,
          kind,
          user.id,
          await findBinding(deps.store.db, user.id, kind),
          languageFromAcceptLanguage(req.headers['accept-language']),
        ),
      );
    });

    router.post(`/api/sync/${kind}/enable`, async (req, res) => {
      const binding = await enableSync(sync, identityOf(res), kind);
      res.json(
        await presentStatus(
          deps,
          kind,
          binding.user_id,
          binding,
          languageFromAcceptLanguage(req.headers['accept-language']),
        ),
      );
    });

    router.get(`/api/sync/${kind}/set-aside`, async (req, res) => {
      const language = languageFromAcceptLanguage(req.headers['accept-language']);
      const items = await listSetAside(sync, identityOf(res), kind);
      res.json({
        items: items.map((item) => ({
          id: item.id,
          direction: item.side,
          subject: item.label,
          reason: describeSyncReason(item.reason, language, { calendarName: deps.config.brandName }, kind),
          attempts: item.attempts,
          since: item.since,
          lastFailedAt: item.last_failed_at,
        })) satisfies SetAsideItem[],
      });
    });

    router.post(`/api/sync/${kind}/set-aside/retry`, async (req, res) => {
      const { id } = retrySetAsideBody.parse(req.body ?? {});
      res.json({ retried: await retrySetAsideItems(sync, identityOf(res), kind, id) });
    });

    router.post(`/api/sync/${kind}/disable`, async (req, res) => {
      const identity = identityOf(res);
      const { containerRemoved } = await disableSync(sync, identity, kind);
      const { user } = await requireMember(deps.store.db, identity);
      const status = await presentStatus(
        deps,
        kind,
        user.id,
        await findBinding(deps.store.db, user.id, kind),
        languageFromAcceptLanguage(req.headers['accept-language']),
      );
      res.json({
        ...status,
        ...(kind === 'calendar' ? { calendarRemoved: containerRemoved } : {}),
        ...(kind === 'contacts' ? { folderRemoved: containerRemoved } : {}),
      });
    });
  }

  router.get('/api/sync/failing', async (req, res) => {
    const { user, organisation } = await requireMember(deps.store.db, identityOf(res));
    requirePermission(user, 'manage_users');
    const language = languageFromAcceptLanguage(req.headers['accept-language']);
    const rows = await failingBindings(deps.store.db, organisation.id);
    res.json({
      users: rows.map((row) => ({
        name: row.display_name,
        email: row.email,
        kind: row.kind,
        status: row.status,
        failingSince: row.last_error_at,
        message: row.last_error_code ? syncErrorMessage(row.last_error_code, language) : null,
      })) satisfies FailingSync[],
    });
  });

  return router;
}

/** Graph's change notifications and lifecycle notifications (public: Graph calls them; clientState proves the origin). */
export function graphWebhookRoutes(deps: ServiceDependencies, sync: SyncDependencies): Router {
  const router = Router();
  for (const path of ['/api/graph/notifications', '/api/graph/lifecycle']) {
    router.post(path, async (req, res) => {
      // The validation handshake: echo the token as plain text within 10 seconds.
      if (typeof req.query.validationToken === 'string') {
        res.status(200).type('text/plain').send(req.query.validationToken);
        return;
      }
      const { value } = graphNotificationBody.parse(req.body);
      let accepted = 0;
      for (const notification of value) {
        const binding = await activeBindingBySubscription(deps.store.db, notification.subscriptionId);
        if (!binding || !sameSecret(binding.client_state, notification.clientState)) continue;
        accepted += 1;
        if (
          notification.lifecycleEvent === 'reauthorizationRequired' ||
          notification.lifecycleEvent === 'subscriptionRemoved'
        ) {
          const user = await deps.store.db
            .selectFrom('users')
            .select(['tenant_id', 'object_id'])
            .where('id', '=', binding.user_id)
            .executeTakeFirstOrThrow();
          const fresh =
            notification.lifecycleEvent === 'subscriptionRemoved' ? { ...binding, subscription_id: null } : binding;
          await ensureSubscription(
            sync,
            fresh,
            await containerGraphFor(sync, user.tenant_id!, user.object_id!, binding.kind),
          );
        }
        await kickBinding(sync, binding.id);
      }
      if (value.length && !accepted) {
        deps.logger.warn({ count: value.length }, 'notifications refused: unknown subscription or wrong clientState');
        res.status(403).json({ error: 'invalid_client_state', message: 'Unknown subscription or wrong clientState.' });
        return;
      }
      res.status(202).end();
    });
  }
  return router;
}

function sameSecret(expected: string | null, actual: string | undefined): boolean {
  if (!expected || !actual) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(actual);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function presentStatus(
  deps: ServiceDependencies,
  kind: SyncKind,
  userId: string,
  binding: SyncBindingRow | undefined,
  language: Language,
): Promise<SyncStatus> {
  // Enough rows for 50 lines even when a first sync wrote thousands of the same kind.
  const log = binding ? groupSyncLog(await recentSyncLog(deps.store.db, userId, binding.id, 2_000), 50) : [];
  const linked =
    kind === 'mail'
      ? await countFiledBy(deps, userId)
      : binding
        ? await countConfirmedLinks(deps.store.db, binding.id)
        : 0;
  return {
    kind,
    calendarName: deps.config.brandName,
    containerName: deps.config.brandName,
    enabled: binding !== undefined && binding.status !== 'disabled',
    status: binding?.status ?? 'disabled',
    stage: binding?.stage ?? null,
    progress:
      binding && binding.status !== 'disabled' && binding.stage === 'initial'
        ? { done: binding.initial_done, total: binding.initial_total }
        : null,
    linkedCount: linked,
    lastRunAt: binding?.last_run_at ?? null,
    lastSuccessAt: binding?.last_success_at ?? null,
    lastError: binding?.last_error_code
      ? {
          code: binding.last_error_code,
          at: binding.last_error_at,
          message: syncErrorMessage(binding.last_error_code, language),
        }
      : null,
    // Written only by sync/bindings.ts, from the contract's values.
    disabledReason: binding?.status === 'disabled' ? (binding.disabled_reason as SyncStatus['disabledReason']) : null,
    log: log.map(({ latest, count, subjects }) => ({
      at: latest.at,
      direction: latest.direction,
      action: latest.action,
      subject: latest.subject,
      ...(count > 1 ? { count, subjects } : {}),
      reason: describeSyncReason(latest.reason, language, { calendarName: deps.config.brandName }, kind),
    })),
  };
}

/** Automatic filing's count: the mails this user filed, by hand or automatically. */
async function countFiledBy(deps: ServiceDependencies, userId: string): Promise<number> {
  const row = await deps.store.db
    .selectFrom('filed_mail_filers')
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}
