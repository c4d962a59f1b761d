import { Router } from 'express';
import { z } from 'zod';
import {
  createEvent,
  deleteEvent,
  importEvents,
  massUpdateEvents,
  reassignEvent,
  updateEvent,
} from '../../crm/events/eventCommands.js';
import { eventChangesSchema, newEventSchema } from '../../crm/events/eventInput.js';
import { LISTING_LIMITS, listEventPage, listEventsBetween } from '../../crm/events/eventListing.js';
import { changeOccurrence, listOccurrences } from '../../crm/events/occurrenceCommands.js';
import { seriesExceptionSchema } from '../../crm/events/seriesExceptions.js';
import { importFileRecords } from '../../crm/importRows.js';
import { MAX_MASS_UPDATE } from '../../crm/massUpdate.js';
import { requireMember } from '../../crm/member.js';
import { kickUsers } from '../../sync/syncCommands.js';
import { identityOf } from '../authenticate.js';
import type { ServiceDependencies } from '../dependencies.js';

const idParam = z.object({ id: z.string().uuid() });
const occurrenceParams = z.object({
  id: z.string().uuid(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-29'),
});
const occurrenceChanges = seriesExceptionSchema.omit({ date: true, cancelled: true }).strict();
const dateQuery = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2026-03-29');
const occurrencesQuery = z
  .object({ from: dateQuery, to: dateQuery })
  .refine((q) => q.from <= q.to, 'from must not be after to');
const listQuery = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});
const limitText = `must be a whole number from 1 to ${LISTING_LIMITS.max}`;
const listingQuery = z
  .object({
    view: z.enum(['upcoming', 'earlier']),
    limit: z
      .string()
      .regex(/^\d{1,4}$/, limitText)
      .transform(Number)
      .refine((n) => n >= 1 && n <= LISTING_LIMITS.max, limitText)
      .optional(),
    cursor: z.string().max(500).optional(),
    // Repeated for several addresses (a contact's); express gives one value as a string. Only matched, never used to
    // send, so any address a mail header may carry is taken.
    attendee: z
      .union([z.string(), z.array(z.string())])
      .transform((value) => (Array.isArray(value) ? value : [value]))
      .pipe(
        z
          .array(
            z
              .string()
              .trim()
              .toLowerCase()
              .max(320)
              .regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address'),
          )
          .min(1)
          .max(20),
      )
      .optional(),
  })
  .strict();

/** The caller's CRM events: list, create, edit, delete, reassign, import (CSV) and mass update. */
export function eventRoutes(deps: ServiceDependencies): Router {
  const router = Router();
  const ctx = { db: deps.store.db, now: deps.now };

  // With a view: one page of Upcoming or Earlier (see eventListing.ts). Without: the first 1,000 by start, as before.
  router.get('/api/events', async (req, res) => {
    if (req.query.view === undefined) {
      const { from, to } = listQuery.parse(req.query);
      const { user } = await requireMember(ctx.db, identityOf(res));
      res.json({ events: await listEventsBetween(ctx.db, user.id, from, to) });
      return;
    }
    const { view, limit, cursor, attendee } = listingQuery.parse(req.query);
    const { user } = await requireMember(ctx.db, identityOf(res));
    res.json(
      await listEventPage(ctx.db, {
        ownerId: user.id,
        view,
        limit: limit ?? LISTING_LIMITS[view],
        ...(cursor !== undefined ? { cursor } : {}),
        ...(attendee ? { attendees: attendee } : {}),
        now: ctx.now(),
      }),
    );
  });

  // After each change commits, the owners' calendar syncs are asked to run now; the outbox makes sure of it anyway.
  const kick = (...userIds: string[]) => kickUsers(deps.sync, userIds);

  router.post('/api/events', async (req, res) => {
    const event = await createEvent(ctx, identityOf(res), newEventSchema.parse(req.body));
    await kick(event.ownerId);
    res.status(201).json(event);
  });

  router.patch('/api/events/:id', async (req, res) => {
    const { id } = idParam.parse(req.params);
    const event = await updateEvent(ctx, identityOf(res), id, eventChangesSchema.parse(req.body));
    await kick(event.ownerId);
    res.json(event);
  });

  router.delete('/api/events/:id', async (req, res) => {
    const { id } = idParam.parse(req.params);
    const ownerId = await deleteEvent(ctx, identityOf(res), id);
    await kick(ownerId);
    res.status(204).end();
  });

  router.post('/api/events/:id/owner', async (req, res) => {
    const { id } = idParam.parse(req.params);
    const { ownerId } = z.object({ ownerId: z.string().uuid() }).strict().parse(req.body);
    const { event, previousOwnerId } = await reassignEvent(ctx, identityOf(res), id, ownerId);
    await kick(previousOwnerId, event.ownerId);
    res.json(event);
  });

  // A series' occurrences in a span of days, with its exceptions applied (cancelled ones included and marked).
  router.get('/api/events/:id/occurrences', async (req, res) => {
    const { id } = idParam.parse(req.params);
    const { from, to } = occurrencesQuery.parse(req.query);
    res.json({ occurrences: await listOccurrences(ctx, identityOf(res), id, from, to) });
  });

  router.patch('/api/events/:id/occurrences/:date', async (req, res) => {
    const { id, date } = occurrenceParams.parse(req.params);
    const event = await changeOccurrence(ctx, identityOf(res), id, date, occurrenceChanges.parse(req.body));
    await kick(event.ownerId);
    res.json(event);
  });

  router.delete('/api/events/:id/occurrences/:date', async (req, res) => {
    const { id, date } = occurrenceParams.parse(req.params);
    const event = await changeOccurrence(ctx, identityOf(res), id, date, 'cancel');
    await kick(event.ownerId);
    res.json(event);
  });

  router.post('/api/events/import', async (req, res) => {
    const { csv } = z
      .object({ csv: z.string().min(1) })
      .strict()
      .parse(req.body);
    res.status(201).json({ imported: await importEvents(ctx, identityOf(res), importFileRecords(csv)) });
  });

  router.post('/api/events/mass-update', async (req, res) => {
    const { ids, changes } = z
      .object({ ids: z.array(z.string().uuid()).min(1).max(MAX_MASS_UPDATE), changes: eventChangesSchema })
      .strict()
      .parse(req.body);
    const events = await massUpdateEvents(ctx, identityOf(res), ids, changes);
    await kick(...new Set(events.map((event) => event.ownerId)));
    res.json({ events });
  });

  return router;
}
