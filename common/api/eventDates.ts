import { z } from 'zod';
import { isLocalDateTime, normalizeLocal } from '../time/wallClock.js';

/**
 * The dates an event, a series' range and its exceptions may have. Outlook keeps calendar dates from 1601-01-01 (the
 * Windows FILETIME epoch) to 4500-12-31 (it writes 4501-01-01 for "no date"), so nothing outside can sync at all.
 * Inside that, a CRM appointment before 1900 or after 2999 is a slip of the keyboard (0206 or 9026 for 2026), and
 * refusing it at once says so; these bounds also keep every year four digits, which JavaScript's Date (it reads the
 * years 0–99 as 1900–1999) and both databases read alike.
 */
export const EARLIEST_DATE = '1900-01-01';
export const LATEST_DATE = '2999-12-31';

/** A series has at most this many changed or cancelled occurrences: a daily meeting over four years has ~1,500. */
export const MAX_EXCEPTIONS = 2_000;

/** A zod issue that carries this parameter becomes that error code (see the HTTP error handler). */
const outOfRange = {
  message: `must lie between ${EARLIEST_DATE} and ${LATEST_DATE}`,
  params: { appError: 'event_date_out_of_range' },
} as const;

const withinEventDates = (value: string): boolean =>
  value.slice(0, 10) >= EARLIEST_DATE && value.slice(0, 10) <= LATEST_DATE;

/** A calendar date `YYYY-MM-DD` within the dates an event may have. */
export const eventDate = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isLocalDateTime(`${value}T00:00`), {
    message: 'must be a date like 2026-03-29',
    abort: true,
  })
  .refine(withinEventDates, outOfRange);

/** A wall-clock time `YYYY-MM-DDTHH:mm[:ss]` within the dates an event may have, normalised to seconds. */
export const eventLocalDateTime = z
  .string()
  .refine(isLocalDateTime, { message: 'must be a local date-time like 2026-03-29T09:00', abort: true })
  .refine(withinEventDates, outOfRange)
  .overwrite(normalizeLocal);

const dateOf = (item: unknown): unknown =>
  typeof item === 'object' && item !== null && 'date' in item ? item.date : undefined;

/**
 * A series' exceptions, counted and their dates looked over before any is parsed: a list far too long, or one of
 * 2,000 dates in the wrong millennium, is refused with one issue instead of one per item.
 */
export function exceptionList<T extends z.ZodType>(exception: T) {
  return z
    .array(z.unknown())
    .refine((list) => list.length <= MAX_EXCEPTIONS, {
      message: `must be at most ${MAX_EXCEPTIONS}`,
      params: { appError: 'too_many_exceptions' },
      abort: true,
    })
    .refine(
      (list) =>
        list.every((item) => {
          const date = dateOf(item);
          return typeof date !== 'string' || !/^\d{4}-/.test(date) || withinEventDates(date);
        }),
      { ...outOfRange, abort: true },
    )
    .pipe(z.array(exception));
}
