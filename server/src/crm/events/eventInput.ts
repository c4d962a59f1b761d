import { z } from 'zod';
import { EVENT_LIMITS } from '../../../../common/fieldLimits.js';
import { exceptionProblemsInSlices, seriesExceptionSchema } from './seriesExceptions.js';
import { isLocalDateTime, isValidTimeZone, localToUtc } from '../../../../common/time/wallClock.js';
import { eventDate, eventLocalDateTime, exceptionList } from './eventDateRange.js';
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
  });
export type Recurrence = z.infer<typeof recurrenceSchema>;

export const attendeeSchema = z
  .object({
    email: z.string().trim().email().max(320),
    name: z.string().trim().max(EVENT_LIMITS.attendeeName).optional(),
    type: z.enum(['required', 'optional']).default('required'),
  })
  .strict();
export type Attendee = z.infer<typeof attendeeSchema>;

export const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;

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

/**
 * Everything wrong with a whole event: its times, and its exceptions against its series (looked at a slice of work
 * at a time: a series has up to 2,000).
 */
export async function eventProblems(value: NewEvent): Promise<{ path: string; message: string }[]> {
  const problems = timeProblems(value);
  if (problems.length) return problems;
  return (await exceptionProblemsInSlices(value, value.exceptions)).map((problem) => ({
    path: 'exceptions',
    message: problem.message,
  }));
}

function checkTimes(value: NewEvent, ctx: z.RefinementCtx): void {
  for (const problem of timeProblems(value))
    ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
}

/**
 * A new event, as the API and the events view send it, with its times checked; its exceptions are checked against
 * its series by the command that saves it (eventProblems).
 */
const newEventShape = z.object(fields).strict();
export type NewEvent = z.infer<typeof newEventShape>;
export const newEventSchema = newEventShape.superRefine(checkTimes);

/** Changes to an event: any subset of the fields; times are checked against the merged result. */
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
  .strict();
export type EventChanges = z.infer<typeof eventChangesSchema>;
