import type { Kysely } from 'kysely';
import type { Database, SyncBindingRow } from '../store/schema.js';
import { findBindingById } from './bindings.js';

/** Everything one run of one binding works with. */
export interface SyncRun {
  db: Kysely<Database>;
  binding: SyncBindingRow;
  now: () => Date;
  /** How often the adapter's review runs (SYNC_REVIEW_SECONDS); never when absent. */
  reviewSeconds?: number;
}

/** Thrown when the binding was disabled or re-enabled while a run was under way: the run stops quietly. */
export class BindingChanged extends Error {
  constructor() {
    super('the sync binding changed during the run');
    this.name = 'BindingChanged';
  }
}

/** Stops the run if its binding is no longer the active round it started with. */
export async function assertStillActive(run: SyncRun): Promise<void> {
  const current = await findBindingById(run.db, run.binding.id);
  if (!current || current.status === 'disabled' || current.generation !== run.binding.generation)
    throw new BindingChanged();
}
