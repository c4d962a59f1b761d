import { z } from 'zod';
import { EVENT_LIMITS } from '../fieldLimits.js';
import { isLocalDateTime, isValidTimeZone, localToUtc } from '../time/wallClock.js';
import { EVENT_VIEWS, SHOW_AS } from './enums.js';
import { eventDate, eventLocalDateTime, exceptionList } from './eventDates.js';
import { isoDate } from './records.js';

const weekday = z.enum(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);

/** Graph's patternedRecurrence, the shape both sides share; the time zone is the event's. */
export const recurrenceSchema = z
  .object({
    pattern: z
      .object({
        type: z.enum(['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly']),
        interval: z.number().int().min(1).max(99),
        daysOfWeek: z.array(weekday).max(7).optional(),
        dayOfMonth: z.number().int().min(1).max(31).optional(),
        month: z.number().int().min(1).max(12).optional(),
        index: z.enum(['first', 'second', 'third', 'fourth', 'last']).optional(),
        firstDayOfWeek: weekday.optional(),
      })
      .strict(),
    range: z
      .object({
        type: z.enum(['endDate', 'noEnd', 'numbered']),
        startDate: eventDate,
        endDate: eventDate.optional(),
        numberOfOccurrences: z.number().int().min(1).max(999).optional(),
      })
      .strict(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const { pattern, range } = value;
    if ((pattern.type === 'weekly' || pattern.type.startsWith('relative')) && !pattern.daysOfWeek?.length) {
      ctx.addIssue({ code: 'custom', path: ['pattern', 'daysOfWeek'], message: `is required for ${pattern.type}` });
    }
    if (range.type === 'endDate' && (!range.endDate || range.endDate < range.startDate)) {
      ctx.addIssue({ code: 'custom', path: ['range', 'endDate'], message: 'must be on or after startDate' });
    }
    if (range.type === 'numbered' && !range.numberOfOccurrences) {
      ctx.addIssue({ code: 'custom', path: ['range', 'numberOfOccurrences'], message: 'is required for numbered' });
    }
  })
  .meta({ id: 'Recurrence' });
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const attendeeSchema = z
  .object({
    email: z.string().trim().email().max(320),
    name: z.string().trim().max(EVENT_LIMITS.attendeeName).optional(),
    type: z.enum(['required', 'optional']).default('required'),
  })
  .strict()
  .meta({ id: 'Attendee' });
export type Attendee = z.infer<typeof attendeeSchema>;

/**
 * One occurrence of a series that differs from what the pattern makes of it: cancelled, or with its own subject,
 * description, location or times (Outlook's "exception"). `date` is the occurrence's original date in the event's
 * zone; the overrides hold only what differs from the series.
 */
export const seriesExceptionSchema = z
  .object({
    date: eventDate,
    cancelled: z.literal(true).optional(),
    subject: z.string().trim().min(1).max(EVENT_LIMITS.subject).optional(),
    description: z.string().max(EVENT_LIMITS.description).optional(),
    location: z.string().trim().max(EVENT_LIMITS.location).optional(),
    start: eventLocalDateTime.optional(),
    end: eventLocalDateTime.optional(),
  })
  .strict()
  .meta({ id: 'SeriesException' });
export type SeriesException = z.infer<typeof seriesExceptionSchema>;

const fields = {
  subject: z.string().trim().min(1).max(EVENT_LIMITS.subject),
  description: z.string().max(EVENT_LIMITS.description).default(''),
  location: z.string().trim().max(EVENT_LIMITS.location).default(''),
  start: eventLocalDateTime,
  end: eventLocalDateTime,
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone like Europe/Berlin'),
  isAllDay: z.boolean().default(false),
  // Graph allows at most 500 attendees per event.
  attendees: z.array(attendeeSchema).max(500).default([]),
  reminderMinutes: z.number().int().min(0).max(40_320).nullable().default(15),
  showAs: z.enum(SHOW_AS).default('busy'),
  recurrence: recurrenceSchema.nullable().default(null),
  // A series' exceptions; Graph has no documented cap.
  exceptions: exceptionList(seriesExceptionSchema).default([]),
};

/** What is wrong with an event's times, if anything (checked on creation and on every merged change). */
export function timeProblems(value: {
  start: string;
  end: string;
  isAllDay: boolean;
  timeZone: string;
}): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  // The fields themselves are reported by their own rules; comparing times needs them valid.
  if (!isValidTimeZone(value.timeZone) || !isLocalDateTime(value.start) || !isLocalDateTime(value.end)) return problems;
  if (value.isAllDay && (!value.start.endsWith('T00:00:00') || !value.end.endsWith('T00:00:00'))) {
    problems.push({ path: 'start', message: 'all-day events start and end at midnight' });
  }
  if (localToUtc(value.end, value.timeZone) <= localToUtc(value.start, value.timeZone))
    problems.push({ path: 'end', message: 'must be after start' });
  return problems;
}

const newEventShape = z.object(fields).strict();
export type NewEvent = z.infer<typeof newEventShape>;

/**
 * POST /api/events: a new event, as the events view sends it, with its times checked; its exceptions are checked
 * against its series by the command that saves it. start and end are wall times in timeZone.
 */
export const newEventSchema = newEventShape
  .superRefine((value, ctx) => {
    for (const problem of timeProblems(value))
      ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  })
  .meta({ id: 'NewEvent' });
export type EventInput = z.input<typeof newEventSchema>;

/** PATCH /api/events/:id: any subset of the fields; times are checked against the merged result. */
export const eventChangesSchema = z
  .object({
    subject: fields.subject,
    description: z.string().max(EVENT_LIMITS.description),
    location: z.string().trim().max(EVENT_LIMITS.location),
    start: eventLocalDateTime,
    end: eventLocalDateTime,
    timeZone: fields.timeZone,
    isAllDay: z.boolean(),
    attendees: z.array(attendeeSchema).max(500),
    reminderMinutes: z.number().int().min(0).max(40_320).nullable(),
    showAs: z.enum(SHOW_AS),
    recurrence: recurrenceSchema.nullable(),
    exceptions: exceptionList(seriesExceptionSchema),
  })
  .partial()
  .strict()
  .meta({ id: 'EventChanges' });
export type EventChanges = z.infer<typeof eventChangesSchema>;

/** PATCH /api/events/:id/occurrences/:date: what differs for this occurrence; start and end travel together. */
export const occurrenceChangesSchema = seriesExceptionSchema.omit({ date: true, cancelled: true }).strict();
export type OccurrenceChanges = z.input<typeof occurrenceChangesSchema>;

export const occurrenceParams = z.object({ id: z.string().uuid(), date: isoDate });

/** GET /api/events/:id/occurrences: a span of original dates, both ends included. */
export const occurrencesQuery = z
  .object({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, 'from must not be after to');

/** Page sizes: Upcoming is what a user looks at first; Earlier grows a page at a time. */
export const LISTING_LIMITS = { upcoming: 200, earlier: 50, max: 500 } as const;

const limitText = `must be a whole number from 1 to ${LISTING_LIMITS.max}`;

/** GET /api/events?view=…: one page of Upcoming or Earlier. */
export const eventPageQuery = z
  .object({
    view: z.enum(EVENT_VIEWS),
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

/** GET /api/events without a view: the first 1,000 by start, between two instants. */
export const eventRangeQuery = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
});

/** An event as the API sends it. start and end are wall times ('YYYY-MM-DDTHH:mm:ss') in timeZone (IANA). */
export const eventSchema = z
  .object({
    id: z.string(),
    ownerId: z.string(),
    subject: z.string(),
    description: z.string(),
    location: z.string(),
    start: z.string(),
    end: z.string(),
    timeZone: z.string(),
    isAllDay: z.boolean(),
    attendees: z.array(
      z.object({ email: z.string(), name: z.string().optional(), type: z.enum(['required', 'optional']) }),
    ),
    reminderMinutes: z.number().int().nullable(),
    showAs: z.enum(SHOW_AS),
    /** null for a single event. */
    recurrence: recurrenceSchema.nullable(),
    /** A series' cancelled and changed occurrences, by original date, in canonical form; empty for a single event. */
    exceptions: z.array(seriesExceptionSchema),
    iCalUId: z.string().nullable(),
    origin: z.enum(['crm', 'import', 'microsoft365']),
    syncEligible: z.boolean(),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Event' });
export type CrmEvent = z.infer<typeof eventSchema>;
export type EventOrigin = CrmEvent['origin'];

/** An occurrence's wall times ('YYYY-MM-DDTHH:mm:ss') in the event's zone. */
export const occurrenceTimesSchema = z.object({ start: z.string(), end: z.string() });
export type OccurrenceTimes = z.infer<typeof occurrenceTimesSchema>;

/** An event in one of the views; a series carries the occurrence it is placed by. */
export const listedEventSchema = eventSchema
  .extend({
    /** A series in Upcoming: its next occurrence that is neither cancelled nor over. */
    next: occurrenceTimesSchema.optional(),
    /** A series in Earlier: its last occurrence that was not cancelled. */
    last: occurrenceTimesSchema.optional(),
  })
  .meta({ id: 'ListedEvent' });
export type ListedEvent = z.infer<typeof listedEventSchema>;

/** One page of a view; nextCursor asks for the page after it and is absent on the last one. */
export const eventPageSchema = z
  .object({ events: z.array(listedEventSchema), nextCursor: z.string().optional() })
  .meta({ id: 'EventPage' });
export type EventPage = z.infer<typeof eventPageSchema>;

/** One occurrence of a series with its exception applied. */
export const occurrenceSchema = z
  .object({
    /** The original date ('YYYY-MM-DD'), which names the occurrence even when it was moved. */
    date: z.string(),
    /** Wall times 'YYYY-MM-DDTHH:mm:ss' in the event's zone. */
    start: z.string(),
    end: z.string(),
    subject: z.string(),
    description: z.string(),
    location: z.string(),
    cancelled: z.boolean(),
    /** True when this occurrence has its own values (an exception that is not a cancellation). */
    changed: z.boolean(),
  })
  .meta({ id: 'Occurrence' });
export type Occurrence = z.infer<typeof occurrenceSchema>;
