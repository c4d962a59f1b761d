import { randomUUID } from 'node:crypto';
import { EMPTY_CONTACT, type NewContact } from '../../../../common/api/contacts.js';
import { contactFromRow, contentColumns, contentOf } from '../../crm/contacts/contactRecords.js';
import {
  crmToGraph,
  displayNameOf,
  graphToCrm,
  type ContactMapping,
  type GraphContact,
} from '../../crm/contacts/fieldMapping.js';
import { recordSyncChange } from '../../crm/syncOutbox.js';
import type { ContactRow } from '../../store/schema.js';
import type { ContainerGraph, GraphItem } from '../engine/containerGraph.js';
import type { ItemAdapter } from '../engine/itemAdapter.js';
import { shortLabel } from '../engine/shortLabel.js';
import { unconfirmedEntityIds } from '../syncLinks.js';
import type { SyncRun } from '../syncRun.js';

// The first contact sync takes at most this many contacts (docs/product-rules.md#r-contact-first-sync).
export const FIRST_CONTACT_SYNC_LIMIT = 10_000;
/**
 * The single-value extended property that stamps our contact id on the Outlook contact
 * (docs/graph-behaviour.md#extended-property-stamps).
 */
export const CRM_CONTACT_ID_PROPERTY = 'String {3c7e9a41-6b2f-4d8e-a1c5-9f0b2e4d6a83} Name CrmContactId';

type GraphContactItem = GraphContact & GraphItem;

/** CRM contacts in the engine, through the user's field mapping: the brand contact folder's items. */
export function contactAdapter(
  run: SyncRun,
  graph: ContainerGraph,
  mapping: ContactMapping,
): ItemAdapter<ContactRow, GraphContactItem> {
  const label = (contact: Pick<NewContact, 'firstName' | 'lastName' | 'email'>) =>
    displayNameOf(contact) || contact.email || '(no name)';
  return {
    kind: 'contacts',
    stampProperty: CRM_CONTACT_ID_PROPERTY,
    loadRows: (db, ids) =>
      ids.length ? db.selectFrom('contacts').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]),
    label: (row) => label({ firstName: row.first_name, lastName: row.last_name, email: row.email }),
    incomingLabel: (item) => shortLabel(item.displayName) ?? shortLabel(item.surname),
    toGraph(row, { create }) {
      const body = crmToGraph(contentOf(contactFromRow(row)), mapping) as Record<string, unknown>;
      return create
        ? { ...body, singleValueExtendedProperties: [{ id: CRM_CONTACT_ID_PROPERTY, value: row.id }] }
        : body;
    },
    async softDelete(trx, row, at) {
      await trx
        .updateTable('contacts')
        .set({ deleted_at: at.toISOString(), updated_at: at.toISOString(), version: row.version + 1 })
        .where('id', '=', row.id)
        .execute();
    },
    async applyGraph(trx, row, item, at) {
      const merged = { ...contentOf(contactFromRow(row)), ...graphToCrm(item, mapping) };
      if (!merged.lastName) merged.lastName = item.displayName ?? row.last_name;
      const version = row.version + 1;
      await trx
        .updateTable('contacts')
        .set({ ...contentColumns(merged), version, updated_at: at.toISOString(), sync_eligible: 1 })
        .where('id', '=', row.id)
        .execute();
      return version;
    },
    async arrive(trx, runNow, item, at) {
      // A create of ours whose confirmation was lost (crash): Graph contacts have no transactionId, so our stamp
      // on the item tells. Looked up only while such unconfirmed creates exist.
      const pending = await unconfirmedEntityIds(trx, runNow.binding.id);
      if (pending.length) {
        const stamped = await graph.graph.get<{ singleValueExtendedProperties?: { id: string; value: string }[] }>(
          `${graph.base}/contacts/${item.id}?$select=id&$expand=${encodeURIComponent(`singleValueExtendedProperties($filter=id eq '${CRM_CONTACT_ID_PROPERTY}')`)}`,
        );
        const entityId = stamped.singleValueExtendedProperties?.[0]?.value;
        if (entityId && pending.includes(entityId)) {
          const [row] = await trx.selectFrom('contacts').selectAll().where('id', '=', entityId).execute();
          if (row) {
            // Linked now; pushed once more as an update, since the contact may have changed since that create.
            await recordSyncChange(trx, runNow.binding.user_id, 'contacts', entityId, at.toISOString());
            return {
              entityId,
              version: 0,
              label: label({ firstName: row.first_name, lastName: row.last_name, email: row.email }),
              linked: 'matched',
            };
          }
        }
      }
      const content = { ...EMPTY_CONTACT, lastName: '', ...graphToCrm(item, mapping) };
      if (!content.lastName) content.lastName = item.surname || item.displayName || content.email || '(no name)';
      const entityId = randomUUID();
      await trx
        .insertInto('contacts')
        .values({
          id: entityId,
          organisation_id: runNow.binding.organisation_id,
          owner_user_id: runNow.binding.user_id,
          ...contentColumns(content),
          origin: 'microsoft365',
          sync_eligible: 1,
          version: 1,
          created_at: at.toISOString(),
          updated_at: at.toISOString(),
          deleted_at: null,
        })
        .execute();
      return { entityId, version: 1, label: label(content), linked: 'created' };
    },
    async firstSyncSelection(runNow) {
      // The most recently changed contacts first, when there are more than the first sync takes.
      const rows = await runNow.db
        .selectFrom('contacts')
        .select(['id'])
        .where('owner_user_id', '=', runNow.binding.user_id)
        .where('deleted_at', 'is', null)
        .where('sync_eligible', '=', 1)
        .orderBy('updated_at', 'desc')
        .orderBy('id')
        .limit(FIRST_CONTACT_SYNC_LIMIT)
        .execute();
      return rows.map((row) => row.id);
    },
  };
}
