/**
 * Wall-clock times in an IANA zone and the UTC instants they denote, with daylight-saving rules from the
 * platform's time-zone database (Intl). Local times are `YYYY-MM-DDTHH:mm:ss`, instants ISO-8601 with `Z`.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

export function isValidTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

export function isLocalDateTime(value: string): boolean {
  const match = LOCAL.exec(value);
  if (!match) return false;
  const [, y, mo, d, h, mi, s = '00'] = match;
  const date = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s));
  return date.getUTCMonth() === +mo! - 1 && date.getUTCDate() === +d! && +h! < 24 && +mi! < 60 && +s < 60;
}

/** Normalises `YYYY-MM-DDTHH:mm[:ss[.fffffff]]` to `YYYY-MM-DDTHH:mm:ss`. */
export function normalizeLocal(value: string): string {
  const trimmed = value.replace(/\.\d+$/, '');
  return trimmed.length === 16 ? `${trimmed}:00` : trimmed;
}

/**
 * The UTC instant of a wall-clock time in a zone. A time skipped by a spring-forward gap moves forward by the
 * gap (09:30 in a 02:00→03:00 gap becomes 03:30), and an ambiguous autumn time takes its first (daylight) instance,
 * as calendar clients do.
 */
export function localToUtc(local: string, zone: string): string {
  const wall = wallMillis(normalizeLocal(local));
  // Two passes settle the offset for every time except those in a gap.
  let guess = wall - offsetMillis(wall, zone);
  guess = wall - offsetMillis(guess, zone);
  const earlier = wall - offsetMillis(guess - 3 * 3600_000, zone);
  if (utcToLocalMillis(earlier, zone) === wall && earlier < guess) guess = earlier;
  if (utcToLocalMillis(guess, zone) !== wall) {
    // In a gap: keep the wall-clock distance from the gap's start.
    guess = wall - offsetMillis(guess - 3 * 3600_000, zone);
  }
  return new Date(guess).toISOString();
}

/** The wall-clock time in a zone of a UTC instant. */
export function utcToLocal(instant: string, zone: string): string {
  return new Date(utcToLocalMillis(Date.parse(instant), zone)).toISOString().slice(0, 19);
}

function utcToLocalMillis(utc: number, zone: string): number {
  return utc + offsetMillis(utc, zone);
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetMillis(utc: number, zone: string): number {
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(new Date(utc))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour! % 24,
    +parts.minute!,
    +parts.second!,
  );
  return asUtc - Math.floor(utc / 1000) * 1000;
}

function wallMillis(local: string): number {
  const [, y, mo, d, h, mi, s = '00'] = LOCAL.exec(local) ?? [];
  if (!y) throw new RangeError(`Not a local date-time: ${local}`);
  return Date.UTC(+y, +mo! - 1, +d!, +h!, +mi!, +s);
}

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}
