import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Member } from './member.js';

/**
 * A short token that changes whenever something an open pane shows may have changed: an event or contact of the
 * organisation (created, edited, deleted: deletes are soft and touch `updated_at`), or the caller's sync status
 * and log. Each part is one index probe, so panes can ask every few seconds and refetch only when it moves.
 */
export async function changeVersion(db: Kysely<Database>, { user, organisation }: Member): Promise<string> {
  const [events, contacts, log, bindings] = await Promise.all([
    db
      .selectFrom('events')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .where('organisation_id', '=', organisation.id)
      .executeTakeFirst(),
    db
      .selectFrom('contacts')
      .select((eb) => eb.fn.max('updated_at').as('at'))
      .where('organisation_id', '=', organisation.id)
      .executeTakeFirst(),
    db
      .selectFrom('sync_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .where('user_id', '=', user.id)
      .executeTakeFirst(),
    db
      .selectFrom('sync_bindings')
      .select([
        'kind',
        'status',
        'stage',
        'generation',
        'initial_done',
        'last_success_at',
        'last_error_at',
        'updated_at',
      ])
      .where('user_id', '=', user.id)
      .orderBy('kind')
      .execute(),
  ]);
  const parts = [events?.at ?? '', contacts?.at ?? '', String(log?.id ?? ''), JSON.stringify(bindings)];
  return createHash('sha256').update(parts.join('\n')).digest('base64url').slice(0, 16);
}
