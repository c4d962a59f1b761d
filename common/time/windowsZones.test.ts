import { describe, expect, it } from 'vitest';
import { utcToLocal, isValidTimeZone } from './wallClock.js';
import { ianaTimeZone, windowsZoneForIana, windowsZoneNames, windowsZoneSpelling } from './windowsZones.js';

// Instants spread over a year (both sides of every northern and southern daylight-saving change).
const probes = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i * 15, 12)).toISOString());

describe('Windows ↔ IANA zones', () => {
  it('knows every Windows zone of CLDR, including those the service used to drop', () => {
    expect(windowsZoneNames.length).toBeGreaterThanOrEqual(139);
    for (const name of ['Azerbaijan Standard Time', 'Aleutian Standard Time', 'Yukon Standard Time', 'UTC+13']) {
      expect(windowsZoneNames).toContain(name);
    }
  });

  it.each(windowsZoneNames)('round-trips %s: to an IANA zone the platform knows and back', (windows) => {
    const iana = ianaTimeZone(windows)!;
    expect(isValidTimeZone(iana)).toBe(true);
    const back = windowsZoneForIana(iana)!;
    expect(ianaTimeZone(back)).toBe(iana);
    for (const instant of probes) expect(utcToLocal(instant, ianaTimeZone(back)!)).toBe(utcToLocal(instant, iana));
  });

  it('reads Windows names in any letter case, keeps IANA names, and refuses anything else', () => {
    expect(ianaTimeZone('azerbaijan standard time')).toBe('Asia/Baku');
    expect(windowsZoneSpelling(' w. europe standard time ')).toBe('W. Europe Standard Time');
    expect(ianaTimeZone('Europe/Berlin')).toBe('Europe/Berlin');
    expect(ianaTimeZone('Coordinated Universal Time')).toBe('Etc/UTC');
    expect(ianaTimeZone('Mars Standard Time')).toBeUndefined();
    expect(ianaTimeZone(null)).toBeUndefined();
  });

  it('finds the Windows zone of an IANA zone through its aliases', () => {
    expect(windowsZoneForIana('Asia/Baku')).toBe('Azerbaijan Standard Time');
    expect(windowsZoneForIana('Asia/Kolkata')).toBe('India Standard Time');
    expect(windowsZoneForIana('Europe/Zurich')).toBe('W. Europe Standard Time');
    expect(windowsZoneForIana('Mars/Olympus')).toBeUndefined();
    expect(windowsZoneForIana('constructor')).toBeUndefined();
  });
});
