/**
 * Wall times for the add-in's screens: an event's start is 'YYYY-MM-DDTHH:mm[:ss]' in its own zone, and the
 * add-in shows it in that zone (never shifted by the browser's offset), ordering events by their real instant.
 * The arithmetic is the shared wall-clock module's; the add-in only handles IANA zones.
 */
import { formatLocal, isValidTimeZone, parseLocal, wallParts, wallToInstant } from '../../../common/time/wallClock';

export { addDays, isValidTimeZone as isKnownTimeZone } from '../../../common/time/wallClock';

/** The browser's IANA zone ('UTC' when the engine does not say). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The wall time 'YYYY-MM-DDTHH:mm' of an instant in a zone. */
export function wallTimeAt(instant: number, timeZone: string): string {
  return formatLocal(wallParts(instant, timeZone)).slice(0, 16);
}

const WALL_TIME_PREFIX = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?/;

/**
 * The instant of a wall time in a zone (ms since the epoch); NaN when the text is not a wall time, and the time
 * read as UTC when the engine does not know the zone. Gaps and overlaps resolve as the service resolves them.
 */
export function instantOf(local: string, timeZone: string): number {
  const wall = WALL_TIME_PREFIX.exec(local)?.[0];
  if (!wall) return Number.NaN;
  return wallToInstant(parseLocal(wall), isValidTimeZone(timeZone) ? timeZone : 'UTC');
}

/** A zone for people: 'America/New_York' → 'America/New York'. */
export function zoneLabel(timeZone: string): string {
  return timeZone.replace(/_/g, ' ');
}

/** Every zone the engine knows, with the given ones added (an event's zone must stay choosable). */
export function timeZoneChoices(...required: string[]): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set([...zones, 'UTC', ...required.filter((zone) => zone !== '')]);
  return [...all].sort((a, b) => a.localeCompare(b));
}
