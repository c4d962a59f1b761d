import { eventAdapter } from './calendar/eventAdapter.js';
import type { ItemAdapter } from './engine/itemAdapter.js';
import type { SyncRun } from './syncRun.js';

/** The engine's adapter for the binding's kind. */
export async function adapterFor(run: SyncRun): Promise<ItemAdapter> {
  switch (run.binding.kind) {
    case 'calendar':
      return eventAdapter(run) as unknown as ItemAdapter;
    case 'contacts':
      throw new Error('contact sync is not available yet');
  }
}
