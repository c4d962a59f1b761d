const DAY_MS = 86_400_000;
// calendarView/delta needs a window of at most 5 years (docs/graph-behaviour.md#calendar-view-window): a year back
// and three ahead.
const PAST_DAYS = 365;
const FUTURE_DAYS = 3 * 365;

/** The span of a user's calendar the sync reads from Microsoft 365 (delta rounds and a series' instances). */
export interface CalendarWindow {
  start: Date;
  end: Date;
}

export function calendarWindow(now: Date): CalendarWindow {
  return { start: new Date(now.getTime() - PAST_DAYS * DAY_MS), end: new Date(now.getTime() + FUTURE_DAYS * DAY_MS) };
}
