import { Router } from 'express';
import {
  contactChangesSchema,
  contactListQuery,
  contactLookupQuery,
  newContactSchema,
} from '../../../../common/api/contacts.js';
import { csvBody, massUpdateBody, ownerBody, recordIdParams } from '../../../../common/api/records.js';
import {
  createContact,
  deleteContact,
  importContacts,
  massUpdateContacts,
  migrateContacts,
  reassignContact,
  updateContact,
} from '../../crm/contacts/contactCommands.js';
import { findContactByEmail, listOwnContacts } from '../../crm/contacts/contactQueries.js';
import { importFileRecords } from '../../crm/importRows.js';
import { requireMember } from '../../crm/member.js';
import { kickUsers } from '../../sync/syncCommands.js';
import { identityOf } from '../authenticate.js';
import type { ServiceDependencies } from '../dependencies.js';

const contactMassUpdate = massUpdateBody(contactChangesSchema);

/** The caller's CRM contacts: list, look up by e-mail, create, edit, delete, reassign, import, migrate (CSV) and mass update. */
export function contactRoutes(deps: ServiceDependencies): Router {
  const router = Router();
  const ctx = { db: deps.store.db, now: deps.now };

  router.get('/api/contacts', async (req, res) => {
    const { q } = contactListQuery.parse(req.query);
    const { user } = await requireMember(ctx.db, identityOf(res));
    res.json({ contacts: await listOwnContacts(ctx.db, user.id, q) });
  });

  router.get('/api/contacts/lookup', async (req, res) => {
    const { email } = contactLookupQuery.parse(req.query);
    const { user, organisation } = await requireMember(ctx.db, identityOf(res));
    res.json({ contact: await findContactByEmail(ctx.db, organisation.id, user.id, email) });
  });

  // After each change commits, the owners' contact syncs are asked to run now; the outbox makes sure of it anyway.
  const kick = (...userIds: string[]) => kickUsers(deps.sync, userIds, 'contacts');

  router.post('/api/contacts', async (req, res) => {
    const contact = await createContact(ctx, identityOf(res), newContactSchema.parse(req.body));
    await kick(contact.ownerId);
    res.status(201).json(contact);
  });

  router.patch('/api/contacts/:id', async (req, res) => {
    const { id } = recordIdParams.parse(req.params);
    const contact = await updateContact(ctx, identityOf(res), id, contactChangesSchema.parse(req.body));
    await kick(contact.ownerId);
    res.json(contact);
  });

  router.delete('/api/contacts/:id', async (req, res) => {
    const { id } = recordIdParams.parse(req.params);
    await kick(await deleteContact(ctx, identityOf(res), id));
    res.status(204).end();
  });

  router.post('/api/contacts/:id/owner', async (req, res) => {
    const { id } = recordIdParams.parse(req.params);
    const { ownerId } = ownerBody.parse(req.body);
    const { contact, previousOwnerId } = await reassignContact(ctx, identityOf(res), id, ownerId);
    await kick(previousOwnerId, contact.ownerId);
    res.json(contact);
  });

  router.post('/api/contacts/import', async (req, res) => {
    const { csv } = csvBody.parse(req.body);
    res.status(201).json({ imported: await importContacts(ctx, identityOf(res), importFileRecords(csv)) });
  });

  router.post('/api/contacts/migrate', async (req, res) => {
    const { csv } = csvBody.parse(req.body);
    res.status(201).json({ migrated: await migrateContacts(ctx, identityOf(res), importFileRecords(csv)) });
  });

  router.post('/api/contacts/mass-update', async (req, res) => {
    const { ids, changes } = contactMassUpdate.parse(req.body);
    const contacts = await massUpdateContacts(ctx, identityOf(res), ids, changes);
    await kick(...new Set(contacts.map((contact) => contact.ownerId)));
    res.json({ contacts });
  });

  return router;
}
