/**
 * Wall-clock times in IANA zones and the instants they denote, with daylight-saving rules from the platform's
 * time-zone database (Intl): one implementation for the service, the add-in and the local tenant. Wall-clock text
 * is `YYYY-MM-DDTHH:mm[:ss]`; instants are milliseconds since the epoch or ISO-8601 text with `Z`.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY = 86_400_000;

/** A wall-clock reading: calendar date and time of day, with optional milliseconds. */
export interface WallParts {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

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

/** Whether the platform knows the IANA zone. */
export function isValidTimeZone(zone: string): boolean {
  return canonicalTimeZone(zone) !== undefined;
}

/** The platform's own name for a zone or one of its aliases; undefined when unknown. */
export function canonicalTimeZone(zone: string): string | undefined {
  try {
    return formatterFor(zone).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Whether the text is a real `YYYY-MM-DDTHH:mm[:ss]` wall-clock time (no 31 February, no 24:00). */
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

/** The wall-clock reading of an instant in a zone. */
export function wallParts(instant: number, zone: string): Required<WallParts> {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    y: parts.year!,
    mo: parts.month!,
    d: parts.day!,
    h: parts.hour! % 24,
    mi: parts.minute!,
    s: parts.second!,
    ms: ((instant % 1000) + 1000) % 1000,
  };
}

/** The wall-clock reading of an instant, whole seconds, as if it were UTC. */
function wallMillis(instant: number, zone: string): number {
  const w = wallParts(instant, zone);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetAt(instant: number, zone: string): number {
  return wallMillis(instant, zone) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant of a wall-clock reading in a zone. A time skipped by a spring-forward gap moves forward by the gap
 * (02:30 in a 02:00→03:00 gap becomes 03:30); an ambiguous autumn time takes its first (daylight) instance, as
 * calendar clients do.
 */
export function wallToInstant(w: WallParts, zone: string): number {
  const naive = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s, w.ms ?? 0);
  // The offsets a day either side cover every change a zone makes; the one before a gap moves the time forward.
  const before = naive - offsetAt(naive - DAY, zone);
  const candidates = [before, naive - offsetAt(naive + DAY, zone), naive - offsetAt(naive, zone)];
  const matching = candidates.filter((candidate) => wallMillis(candidate, zone) === Math.floor(naive / 1000) * 1000);
  return matching.length > 0 ? Math.min(...matching) : before;
}

/** The UTC instant (ISO-8601 with `Z`) of a local `YYYY-MM-DDTHH:mm[:ss[.fff]]` time in a zone. */
export function localToUtc(local: string, zone: string): string {
  return new Date(wallToInstant(parseLocal(normalizeLocal(local)), zone)).toISOString();
}

/** The local `YYYY-MM-DDTHH:mm:ss` time in a zone of a UTC instant (ISO-8601 text). */
export function utcToLocal(instant: string, zone: string): string {
  return formatLocal(wallParts(Date.parse(instant), zone));
}

/** `YYYY-MM-DDTHH:mm:ss` of a wall-clock reading. */
export function formatLocal(w: WallParts): string {
  return `${dateKey(w.y, w.mo, w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}`;
}

/** The parts of `YYYY-MM-DDTHH:mm[:ss]`; a RangeError for anything else. */
export function parseLocal(local: string): WallParts {
  const [, y, mo, d, h, mi, s = '00'] = LOCAL.exec(local) ?? [];
  if (!y) throw new RangeError(`Not a local date-time: ${local}`);
  return { y: +y, mo: +mo!, d: +d!, h: +h!, mi: +mi!, s: +s };
}

/** `YYYY-MM-DD` of a calendar date. */
export function dateKey(y: number, mo: number, d: number): string {
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** `YYYY-MM-DD` plus n days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
