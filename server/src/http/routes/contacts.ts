import { Router } from 'express';
import { z } from 'zod';
import { contactChangesSchema, newContactSchema } from '../../crm/contacts/contactInput.js';
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
import { MAX_MASS_UPDATE } from '../../crm/massUpdate.js';
import { requireMember } from '../../crm/member.js';
import { kickUsers } from '../../sync/syncCommands.js';
import { identityOf } from '../authenticate.js';
import type { ServiceDependencies } from '../dependencies.js';

const idParam = z.object({ id: z.string().uuid() });
const listQuery = z.object({ q: z.string().max(200).optional() });
const lookupQuery = z.object({
  email: z.string().trim().max(320).pipe(z.email('must be an e-mail address like name@example.com')),
});
const csvBody = z.object({ csv: z.string().min(1) }).strict();

/** The caller's CRM contacts: list, look up by e-mail, create, edit, delete, reassign, import, migrate (CSV) and mass update. */
export function contactRoutes(deps: ServiceDependencies): Router {
  const router = Router();
  const ctx = { db: deps.store.db, now: deps.now };

  router.get('/api/contacts', async (req, res) => {
    const { q } = listQuery.parse(req.query);
    const { user } = await requireMember(ctx.db, identityOf(res));
    res.json({ contacts: await listOwnContacts(ctx.db, user.id, q) });
  });

  router.get('/api/contacts/lookup', async (req, res) => {
    const { email } = lookupQuery.parse(req.query);
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
    const { id } = idParam.parse(req.params);
    const contact = await updateContact(ctx, identityOf(res), id, contactChangesSchema.parse(req.body));
    await kick(contact.ownerId);
    res.json(contact);
  });

  router.delete('/api/contacts/:id', async (req, res) => {
    const { id } = idParam.parse(req.params);
    await kick(await deleteContact(ctx, identityOf(res), id));
    res.status(204).end();
  });

  router.post('/api/contacts/:id/owner', async (req, res) => {
    const { id } = idParam.parse(req.params);
    const { ownerId } = z.object({ ownerId: z.string().uuid() }).strict().parse(req.body);
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
    const { ids, changes } = z
      .object({ ids: z.array(z.string().uuid()).min(1).max(MAX_MASS_UPDATE), changes: contactChangesSchema })
      .strict()
      .parse(req.body);
    const contacts = await massUpdateContacts(ctx, identityOf(res), ids, changes);
    await kick(...new Set(contacts.map((contact) => contact.ownerId)));
    res.json({ contacts });
  });

  return router;
}
