import { contactMappingFor } from '../crm/contacts/contactMappingStore.js';
import { eventAdapter } from './calendar/eventAdapter.js';
import { contactAdapter } from './contacts/contactAdapter.js';
import type { ContainerGraph } from './engine/containerGraph.js';
import type { ItemAdapter } from './engine/itemAdapter.js';
import type { SyncRun } from './syncRun.js';

/** The engine's adapter for the binding's kind (contacts go through the user's field mapping). */
export async function adapterFor(run: SyncRun, graph: ContainerGraph): Promise<ItemAdapter> {
  switch (run.binding.kind) {
    case 'calendar':
      return eventAdapter(run);
    case 'contacts': {
      const { mapping } = await contactMappingFor(run.db, run.binding.user_id);
      return contactAdapter(run, graph, mapping);
    }
    case 'mail':
      // Mail is one-way and has its own run (sync/mail/fileMailbox.ts).
      throw new Error('automatic filing has no item adapter');
  }
}
