import { describe, expect, it } from 'vitest';
import {
  formatCount,
  groupedSubjects,
  pollDelay,
  progressFraction,
  relativeTime,
  seesFailingSyncs,
  syncState,
} from './model';

const base = { enabled: true, status: 'active' as const, stage: 'incremental' as const, progress: null };

describe('calendar sync page helpers', () => {
  it('polls every second while the first sync runs, every 10 s otherwise', () => {
    expect(pollDelay({ ...base, stage: 'initial', progress: { done: 10, total: 100 } })).toBe(1000);
    expect(pollDelay({ ...base, stage: 'initial' })).toBe(1000);
    expect(pollDelay(base)).toBe(10_000);
    expect(pollDelay({ ...base, enabled: false, stage: null })).toBe(10_000);
    expect(pollDelay(undefined)).toBe(10_000);
  });

  it('names the state', () => {
    expect(syncState({ ...base, enabled: false, status: 'disabled', stage: null })).toBe('off');
    expect(syncState({ ...base, stage: 'initial', progress: { done: 1, total: 2 } })).toBe('firstSync');
    expect(syncState(base)).toBe('on');
    expect(syncState({ ...base, status: 'reconnect_required' })).toBe('reconnect');
  });

  it('keeps the progress between 0 and 1', () => {
    expect(progressFraction({ done: 0, total: 0 })).toBe(0);
    expect(progressFraction({ done: 250, total: 1000 })).toBe(0.25);
    expect(progressFraction({ done: 12, total: 10 })).toBe(1);
  });

  it('says how long ago, in both languages', () => {
    const now = Date.parse('2026-05-04T12:00:00Z');
    expect(relativeTime('2026-05-04T11:57:00Z', now, 'en')).toBe('3 minutes ago');
    expect(relativeTime('2026-05-04T11:57:00Z', now, 'de')).toBe('vor 3 Minuten');
    expect(relativeTime('2026-05-04T11:59:50Z', now, 'en')).toBe('now');
    expect(relativeTime('2026-05-03T11:00:00Z', now, 'de')).toBe('gestern');
    expect(relativeTime('garbage', now, 'en')).toBe('');
  });

  it('writes counts and knows who sees failing syncs', () => {
    expect(formatCount(5000, 'en')).toBe('5,000');
    expect(formatCount(5000, 'de')).toBe('5.000');
    expect(seesFailingSyncs('administrator')).toBe(true);
    expect(seesFailingSyncs('standard')).toBe(false);
  });

  it('names a sync log group’s items, with how many more only when there are more', () => {
    const andMore = (names: string, more: number) => `${names} +${more}`;
    expect(groupedSubjects(5, ['A', 'B', 'C'], 'en', andMore)).toBe('A, B, C +2');
    expect(groupedSubjects(3, ['A', 'B', 'C'], 'en', andMore)).toBe('A, B, and C');
    expect(groupedSubjects(2, ['A', 'B'], 'de', andMore)).toBe('A und B');
  });
});
