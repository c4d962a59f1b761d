import { describe, expect, it } from 'vitest';
import { isLocalDateTime, isValidTimeZone, localToUtc, utcToLocal } from './wallClock.js';

describe('wall-clock time', () => {
  it.each([
    ['2026-01-15T09:00:00', 'Europe/Berlin', '2026-01-15T08:00:00.000Z'],
    ['2026-07-15T09:00:00', 'Europe/Berlin', '2026-07-15T07:00:00.000Z'],
    ['2026-03-29T01:30:00', 'Europe/Berlin', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29T03:30:00', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    ['2026-03-08T09:00:00', 'America/New_York', '2026-03-08T13:00:00.000Z'],
    ['2026-03-07T09:00:00', 'America/New_York', '2026-03-07T14:00:00.000Z'],
    ['2026-06-01T12:00:00', 'Asia/Kolkata', '2026-06-01T06:30:00.000Z'],
    ['2026-06-01T12:00:00', 'UTC', '2026-06-01T12:00:00.000Z'],
  ])('%s in %s is %s', (local, zone, utc) => {
    expect(localToUtc(local, zone)).toBe(utc);
    expect(utcToLocal(utc, zone)).toBe(local);
  });

  it('moves a time in the spring-forward gap past the gap', () => {
    expect(localToUtc('2026-03-29T02:30:00', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('takes the first (daylight) instance of an ambiguous autumn time', () => {
    expect(localToUtc('2026-10-25T02:30:00', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('keeps a weekly 09:00 at 09:00 local across the change, so its UTC instant moves by an hour', () => {
    expect(localToUtc('2026-03-26T09:00:00', 'Europe/Berlin')).toBe('2026-03-26T08:00:00.000Z');
    expect(localToUtc('2026-04-02T09:00:00', 'Europe/Berlin')).toBe('2026-04-02T07:00:00.000Z');
  });

  it('validates zones and local times', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(isLocalDateTime('2026-02-29T10:00:00')).toBe(false);
    expect(isLocalDateTime('2026-02-28T10:00')).toBe(true);
  });
});
