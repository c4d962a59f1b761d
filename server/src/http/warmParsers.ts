import { eventChangesSchema, newEventSchema } from '../../../common/api/events.js';
import { MAX_EXCEPTIONS } from '../../../common/api/eventDates.js';

/**
 * Runs the costliest request parsers once, at start-up, on the largest bodies they accept: a daily series with the
 * most exceptions, cancelled and changed. V8 compiles and optimises zod's parser on its first use; done here, that ~100 ms falls on the
 * process's start and not on the event loop of the first person who sends such a series (docs/ARCHITECTURE.md,
 * "Bounded work per request").
 */
export function warmRequestParsers(): void {
  const dates = Array.from({ length: MAX_EXCEPTIONS }, (_, day) =>
    new Date(Date.UTC(2000, 0, 2 + day)).toISOString().slice(0, 10),
  );
  const exceptions = dates.map((date) => ({ date, cancelled: true }));
  const changed = dates.map((date) => ({ date, start: `${date}T10:00`, end: `${date}T10:45`, subject: 'warm-up' }));
  newEventSchema.safeParse({
    subject: 'warm-up',
    start: '2000-01-01T09:00:00',
    end: '2000-01-01T10:00:00',
    timeZone: 'Europe/Berlin',
    recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2000-01-01' } },
    exceptions,
  });
  eventChangesSchema.safeParse({ exceptions: changed });
}
