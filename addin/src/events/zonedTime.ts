/**
 * Wall times in IANA zones, with only Intl: an event's start is 'YYYY-MM-DDTHH:mm[:ss]' in its own zone, and the
 * add-in shows it in that zone (never shifted by the browser's offset), ordering events by their real instant.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/;

/** The browser's IANA zone ('UTC' when the engine does not say). */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Whether the engine knows the zone. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall time 'YYYY-MM-DDTHH:mm' of an instant in a zone. */
export function wallTimeAt(instant: number, timeZone: string): string {
  const parts: Record<string, string> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) parts[part.type] = part.value;
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall time in a zone (ms since the epoch); NaN when the text is not a wall time. A time in a
 * daylight-saving gap moves forward by the gap; one in an overlap resolves to the earlier instant, as the service does.
 */
export function instantOf(local: string, timeZone: string): number {
  const m = LOCAL.exec(local);
  if (!m) return Number.NaN;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0));
  if (!isKnownTimeZone(timeZone)) return asUtc;
  // Offsets either side of the wall time: the earlier candidate that maps back to the same wall time wins.
  const candidates = [
    asUtc - offsetAt(asUtc - 86_400_000, timeZone),
    asUtc - offsetAt(asUtc + 86_400_000, timeZone),
  ].sort((a, b) => a - b);
  const wall = local.slice(0, 16);
  for (const candidate of candidates) if (wallTimeAt(candidate, timeZone) === wall) return candidate;
  // In a gap no instant has this wall time: use the offset before the change, which lands after the gap.
  return asUtc - offsetAt(asUtc - 86_400_000, timeZone);
}

/** 'YYYY-MM-DD' plus n days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
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
