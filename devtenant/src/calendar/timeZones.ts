import { formatLocal, wallParts, wallToInstant } from '../../../common/time/wallClock.js';
import { ianaTimeZone, windowsZoneSpelling } from '../../../common/time/windowsZones.js';
import { GraphError } from '../graph/graphError.js';

/**
 * Time zones and dateTime text as Graph handles them, over the shared wall-clock module and CLDR's Windows zone
 * table: Windows names (what Outlook stores and `Prefer: outlook.timezone` usually carries) and IANA names are
 * both accepted.
 */

export { wallParts, wallToInstant as wallToUtc };

/** The IANA zone for a Windows or IANA name (no name means UTC), or undefined when neither. */
export function ianaZone(name: string | undefined | null): string | undefined {
  if (!name) return 'Etc/UTC';
  const trimmed = name.trim();
  if (/^(utc|gmt|z)$/i.test(trimmed)) return 'Etc/UTC';
  return ianaTimeZone(trimmed);
}

/** Like ianaZone, but a 400 as Graph answers for a zone it does not know. */
export function requireZone(name: string | undefined | null): string {
  const zone = ianaZone(name);
  if (!zone)
    throw new GraphError(
      400,
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
    );
  return zone;
}

/** A Graph-style name for a zone given by the client: Windows names keep their spelling; IANA kept as is. */
export function canonicalZoneName(name: string | undefined | null): string {
  if (!name) return 'UTC';
  const trimmed = name.trim();
  return windowsZoneSpelling(trimmed) ?? trimmed;
}

/** Parses Graph's dateTime ("2019-03-15T12:00:00", optional fraction, optional offset/Z — ignored like Graph when a zone is given). */
export function parseWallTime(
  value: string,
): { y: number; mo: number; d: number; h: number; mi: number; s: number; ms: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    value.trim(),
  );
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return { y, mo, d, h, mi, s, ms };
}

/** Graph's dateTime text: "2019-03-15T12:00:00.0000000" in the given zone. */
export function formatInZone(ms: number, zone: string): string {
  const frac = String(((ms % 1000) + 1000) % 1000).padStart(3, '0');
  return `${formatLocal(wallParts(ms, zone))}.${frac}0000`;
}

let lastMs = 0;
let lastSub = 0;

/** `createdDateTime` style: UTC with 7 fractional digits, strictly increasing within this process. */
export function utcStamp(ms: number): string {
  if (ms > lastMs) {
    lastMs = ms;
    lastSub = 0;
  } else if (lastSub < 9999) lastSub += 1;
  else {
    lastMs += 1;
    lastSub = 0;
  }
  return new Date(lastMs)
    .toISOString()
    .replace(/\.(\d{3})Z$/, (_m, f: string) => `.${f}${String(lastSub).padStart(4, '0')}Z`);
}

/** Parses an ISO 8601 query value (startDateTime/endDateTime): its own offset decides the zone, none means UTC. */
export function parseQueryInstant(value: string | undefined): number | undefined {
  if (!value) return undefined;
  const v = value.trim().replace(' ', '+');
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(v);
  const ms = Date.parse(hasZone ? v : `${v}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
