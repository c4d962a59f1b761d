import { describe, expect, it } from 'vitest';
import { addDays, instantOf, timeZoneChoices, wallTimeAt, zoneLabel } from './zonedTime';

describe('zoned wall times', () => {
  it('reads a wall time in its own zone', () => {
    expect(new Date(instantOf('2026-07-01T10:00:00', 'Europe/Berlin')).toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(new Date(instantOf('2026-01-15T10:00', 'America/New_York')).toISOString()).toBe('2026-01-15T15:00:00.000Z');
    expect(new Date(instantOf('2026-01-15T10:00', 'UTC')).toISOString()).toBe('2026-01-15T10:00:00.000Z');
  });

  it('moves a time in the spring gap forward and takes the earlier of an autumn overlap', () => {
    expect(new Date(instantOf('2026-03-29T02:30', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(new Date(instantOf('2026-10-25T02:30', 'Europe/Berlin')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('writes an instant as a wall time of a zone', () => {
    expect(wallTimeAt(Date.parse('2026-07-01T08:00:00Z'), 'Europe/Berlin')).toBe('2026-07-01T10:00');
    expect(wallTimeAt(Date.parse('2026-07-01T02:00:00Z'), 'America/Los_Angeles')).toBe('2026-06-30T19:00');
  });

  it('is NaN for text that is no wall time', () => {
    expect(instantOf('tomorrow', 'UTC')).toBeNaN();
  });

  it('adds days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('labels and lists zones', () => {
    expect(zoneLabel('America/New_York')).toBe('America/New York');
    const zones = timeZoneChoices('Europe/Berlin', 'Etc/GMT+5');
    expect(zones).toContain('Europe/Berlin');
    expect(zones).toContain('Etc/GMT+5');
    expect(zones).toContain('UTC');
  });
});
