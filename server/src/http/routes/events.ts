import { Router } from 'express';
import {
  eventChangesSchema,
  eventPageQuery,
  eventRangeQuery,
  newEventSchema,
  occurrenceChangesSchema,
  occurrenceParams,
  occurrencesQuery,
  LISTING_LIMITS,
} from '../../../../common/api/events.js';
import { csvBody, massUpdateBody, ownerBody, recordIdParams } from '../../../../common/api/records.js';
import {
  createEvent,
  deleteEvent,
  importEvents,
  massUpdateEvents,
  reassignEvent,
  updateEvent,
} from '../../crm/events/eventCommands.js';
import { listEventPage, listEventsBetween } from '../../crm/events/eventListing.js';
import { changeOccurrence, listOccurrences } from '../../crm/events/occurrenceCommands.js';
import { importFileRecords } from '../../crm/importRows.js';
import { requireMember } from '../../crm/member.js';
import { kickUsers } from '../../sync/syncCommands.js';
import { identityOf } from '../authenticate.js';
import type { ServiceDependencies } from '../dependencies.js';

const eventMassUpdate = massUpdateBody(eventChangesSchema);

/** The caller's CRM events: list, create, edit, delete, reassign, import (CSV) and mass update. */
export function eventRoutes(deps: ServiceDependencies): Router {
  const router = Router();
  const ctx = { db: deps.store.db, now: deps.now };

  // With a view: one page of Upcoming or Earlier (see eventListing.ts). Without: the first 1,000 by start, as before.
  router.get('/api/events', async (req, res) => {
    if (req.query.view === undefined) {
      const { from, to } = eventRangeQuery.parse(req.query);
      const { user } = await requireMember(ctx.db, identityOf(res));
      res.json({ events: await listEventsBetween(ctx.db, user.id, from, to) });
      return;
    }
    const { view, limit, cursor, attendee } = eventPageQuery.parse(req.query);
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
    const { id } = recordIdParams.parse(req.params);
    const event = await updateEvent(ctx, identityOf(res), id, eventChangesSchema.parse(req.body));
    await kick(event.ownerId);
    res.json(event);
  });

  router.delete('/api/events/:id', async (req, res) => {
    const { id } = recordIdParams.parse(req.params);
    const ownerId = await deleteEvent(ctx, identityOf(res), id);
    await kick(ownerId);
    res.status(204).end();
  });

  router.post('/api/events/:id/owner', async (req, res) => {
    const { id } = recordIdParams.parse(req.params);
    const { ownerId } = ownerBody.parse(req.body);
    const { event, previousOwnerId } = await reassignEvent(ctx, identityOf(res), id, ownerId);
    await kick(previousOwnerId, event.ownerId);
    res.json(event);
  });

  // A series' occurrences in a span of days, with its exceptions applied (cancelled ones included and marked).
  router.get('/api/events/:id/occurrences', async (req, res) => {
    const { id } = recordIdParams.parse(req.params);
    const { from, to } = occurrencesQuery.parse(req.query);
    res.json({ occurrences: await listOccurrences(ctx, identityOf(res), id, from, to) });
  });

  router.patch('/api/events/:id/occurrences/:date', async (req, res) => {
    const { id, date } = occurrenceParams.parse(req.params);
    const event = await changeOccurrence(ctx, identityOf(res), id, date, occurrenceChangesSchema.parse(req.body));
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
    const { csv } = csvBody.parse(req.body);
    res.status(201).json({ imported: await importEvents(ctx, identityOf(res), importFileRecords(csv)) });
  });

  router.post('/api/events/mass-update', async (req, res) => {
    const { ids, changes } = eventMassUpdate.parse(req.body);
    const events = await massUpdateEvents(ctx, identityOf(res), ids, changes);
    await kick(...new Set(events.map((event) => event.ownerId)));
    res.json({ events });
  });

  return router;
}
