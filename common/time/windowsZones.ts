/**
 * Windows time-zone names (what Outlook stores and what Graph reports unless asked for IANA) and IANA zones, both
 * ways, from CLDR's full windowsZones table. The table is large: the add-in, which only handles IANA zones, does
 * not import this module.
 */
import { IANA_TO_WINDOWS, WINDOWS_TO_IANA } from './windowsZones.generated.js';
import { canonicalTimeZone, isValidTimeZone } from './wallClock.js';

// UTC's display name, which the service and the local tenant both accepted before CLDR's table replaced theirs.
const DISPLAY_NAMES: Readonly<Record<string, string>> = { 'Coordinated Universal Time': 'Etc/UTC' };

const byLowerCase = new Map(
  Object.entries({ ...WINDOWS_TO_IANA, ...DISPLAY_NAMES }).map(([windows, iana]) => [windows.toLowerCase(), iana]),
);
const windowsSpelling = new Map(Object.keys(WINDOWS_TO_IANA).map((windows) => [windows.toLowerCase(), windows]));

/** Every Windows time-zone name CLDR knows (the names Graph can send). */
export const windowsZoneNames: readonly string[] = Object.keys(WINDOWS_TO_IANA);

/** The IANA zone of a Windows name (any letter case), or undefined when it is not one. */
export function ianaForWindowsZone(windows: string): string | undefined {
  return byLowerCase.get(windows.trim().toLowerCase());
}

/** The IANA zone for a name Graph reports, Windows or IANA; undefined when it is neither. */
export function ianaTimeZone(name: string | null | undefined): string | undefined {
  if (!name) return undefined;
  const trimmed = name.trim();
  return ianaForWindowsZone(trimmed) ?? (isValidTimeZone(trimmed) ? trimmed : undefined);
}

/** The Windows name in its CLDR spelling when `name` is one in any letter case, else undefined. */
export function windowsZoneSpelling(name: string): string | undefined {
  return windowsSpelling.get(name.trim().toLowerCase());
}

/** The Windows zone an IANA zone (or one of its aliases) belongs to; undefined when CLDR lists none. */
export function windowsZoneForIana(iana: string): string | undefined {
  if (Object.hasOwn(IANA_TO_WINDOWS, iana)) return IANA_TO_WINDOWS[iana];
  const canonical = canonicalTimeZone(iana);
  return canonical !== undefined && Object.hasOwn(IANA_TO_WINDOWS, canonical) ? IANA_TO_WINDOWS[canonical] : undefined;
}
