import { z } from 'zod';
import { SYNC_KINDS } from './enums.js';

export const syncStatusNameSchema = z.enum(['active', 'disabled', 'reconnect_required']);
export type SyncStatusName = z.infer<typeof syncStatusNameSchema>;

export const syncLogEntrySchema = z
  .object({
    at: z.string(),
    direction: z.enum(['to_microsoft', 'from_microsoft', 'none']),
    action: z.enum([
      'created',
      'updated',
      'deleted',
      'skipped',
      'conflict',
      'error',
      'set_aside',
      'enabled',
      'disabled',
    ]),
    subject: z.string().nullable(),
    /** In the reader's language. */
    reason: z.string(),
    /** Several entries alike written in one go (a first sync's creates): how many, and the latest few by name. */
    count: z.number().int().optional(),
    subjects: z.array(z.string()).optional(),
  })
  .meta({ id: 'SyncLogEntry' });
export type SyncLogEntry = z.infer<typeof syncLogEntrySchema>;
export type SyncDirection = SyncLogEntry['direction'];
export type SyncAction = SyncLogEntry['action'];

/** GET /api/sync/{kind}: the signed-in user's sync of one kind. */
export const syncStatusSchema = z
  .object({
    kind: z.enum(SYNC_KINDS),
    /** The calendar or contact folder in the user's mailbox (named after the brand). */
    containerName: z.string(),
    /** The same name, under the name the calendar sync first had. */
    calendarName: z.string(),
    enabled: z.boolean(),
    status: syncStatusNameSchema,
    stage: z.enum(['initial', 'incremental']).nullable(),
    progress: z.object({ done: z.number().int(), total: z.number().int() }).nullable(),
    /** Synced events or contacts. */
    linkedCount: z.number().int(),
    lastRunAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
    lastError: z.object({ code: z.string(), at: z.string().nullable(), message: z.string() }).nullable(),
    /** Who or what turned it off: the user, the calendar or folder deleted in Outlook, the user deactivated. */
    disabledReason: z.enum(['user', 'container_deleted', 'user_deactivated']).nullable(),
    log: z.array(syncLogEntrySchema),
  })
  .meta({ id: 'SyncStatus' });
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** POST /api/sync/{kind}/disable: the status, and whether the container was removed from Outlook now. */
export const disabledSyncSchema = syncStatusSchema.extend({
  /** calendar only: false when it was already gone. */
  calendarRemoved: z.boolean().optional(),
  /** contacts only: false when it was already gone. */
  folderRemoved: z.boolean().optional(),
});

/** GET /api/sync/{kind}/set-aside: items the sync tried a few times, could not take, and set aside. */
export const setAsideItemSchema = z
  .object({
    id: z.number().int(),
    direction: z.enum(['to_microsoft', 'from_microsoft']),
    subject: z.string().nullable(),
    /** Why it failed last, in the reader's language. */
    reason: z.string(),
    attempts: z.number().int(),
    since: z.string(),
    lastFailedAt: z.string(),
  })
  .meta({ id: 'SetAsideItem' });
export type SetAsideItem = z.infer<typeof setAsideItemSchema>;

/** POST /api/sync/{kind}/set-aside/retry: one set-aside item by its id, or all when absent. */
export const retrySetAsideBody = z.object({ id: z.number().int().positive().optional() }).strict();

/** GET /api/sync/failing (administrators): users whose sync is failing. */
export const failingSyncSchema = z
  .object({
    name: z.string(),
    email: z.string(),
    kind: z.enum(SYNC_KINDS),
    status: syncStatusNameSchema,
    failingSince: z.string().nullable(),
    message: z.string().nullable(),
  })
  .meta({ id: 'FailingSync' });
export type FailingSync = z.infer<typeof failingSyncSchema>;

/** One Graph contact value: a property, and for a multi-valued one the position (0-based) of the value. */
export const graphTargetSchema = z
  .object({ property: z.string().min(1).max(64), position: z.number().int().min(0).max(9).optional() })
  .strict()
  .meta({ id: 'GraphTarget' });
export type GraphTarget = z.infer<typeof graphTargetSchema>;

export const contactMappingRowSchema = z
  .object({ crmField: z.string().min(1).max(64), graph: graphTargetSchema })
  .strict()
  .meta({ id: 'ContactMappingRow' });
export type ContactMappingRow = z.infer<typeof contactMappingRowSchema>;

/** PUT /api/sync/contacts/mapping: refused with 400 mapping_invalid and `problems` row by row; nothing is saved then. */
export const contactMappingBody = z.object({ mapping: z.array(contactMappingRowSchema).max(60) }).strict();

export const savedContactMappingSchema = z.object({
  mapping: z.array(contactMappingRowSchema),
  isDefault: z.boolean(),
});

/** GET /api/sync/contacts/mapping: the Configuration dialog's content. */
export const contactMappingOfferSchema = savedContactMappingSchema
  .extend({
    /** The CRM fields that can be mapped, each with the Graph values it may go to; labels in the user's language. */
    fields: z.array(
      z.object({ field: z.string(), type: z.string(), label: z.string(), targets: z.array(graphTargetSchema) }),
    ),
    /** Fields Microsoft 365 cannot hold: never mapped, they stay in the CRM. */
    crmOnlyFields: z.array(z.object({ field: z.string(), label: z.string() })),
    graphProperties: z.array(
      z.object({ property: z.string(), type: z.string(), maxValues: z.number().int().optional() }),
    ),
  })
  .meta({ id: 'ContactMappingOffer' });
export type ContactMappingOffer = z.infer<typeof contactMappingOfferSchema>;

/** POST /api/graph/{notifications,lifecycle}: Graph's change and lifecycle notifications (clientState proves them). */
export const graphNotificationBody = z.object({
  value: z
    .array(
      z.object({
        subscriptionId: z.string().min(1),
        clientState: z.string().optional(),
        changeType: z.string().optional(),
        lifecycleEvent: z.enum(['reauthorizationRequired', 'subscriptionRemoved', 'missed']).optional(),
      }),
    )
    .max(1000),
});

/** Graph's validation handshake: the service echoes the token as plain text. */
export const graphValidationQuery = z.object({ validationToken: z.string().optional() });
