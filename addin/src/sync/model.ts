import type { SyncStatus } from '../api/types';
import type { Language } from '../host/language';

/** While the first sync runs the page follows it every second; otherwise a glance every 10 s is enough. */
export const POLL_RUNNING_MS = 1_000;
export const POLL_IDLE_MS = 10_000;

/** Whether a first sync is under way (the progress bar shows). */
export function isFirstSyncRunning(status: Pick<SyncStatus, 'enabled' | 'stage' | 'progress'>): boolean {
  return status.progress !== null || (status.enabled && status.stage === 'initial');
}

/** How long to wait before asking GET /api/sync/{kind} again. */
export function pollDelay(status: Pick<SyncStatus, 'enabled' | 'stage' | 'progress'> | undefined): number {
  return status !== undefined && isFirstSyncRunning(status) ? POLL_RUNNING_MS : POLL_IDLE_MS;
}

/** The progress bar's value between 0 and 1 (0 while the total is not known yet). */
export function progressFraction(progress: { done: number; total: number }): number {
  if (!(progress.total > 0)) return 0;
  return Math.min(1, Math.max(0, progress.done / progress.total));
}

/** One word for the sync's state, as the status badge and the Home card show it. */
export type SyncState = 'off' | 'firstSync' | 'on' | 'failed' | 'reconnect';

export function syncState(status: Pick<SyncStatus, 'enabled' | 'status' | 'stage' | 'progress'>): SyncState {
  if (!status.enabled || status.status === 'disabled') return 'off';
  if (status.status === 'reconnect_required') return 'reconnect';
  return isFirstSyncRunning(status) ? 'firstSync' : 'on';
}

/** The calendar's or contact folder's name in Outlook; the brand when the service named none. */
export function containerNameOf(
  status: Pick<SyncStatus, 'containerName'> & { calendarName?: string },
  brand: string,
): string {
  return status.containerName || status.calendarName || brand;
}

/** The administrators' view of failing syncs is for the profiles that manage users. */
export function seesFailingSyncs(profile: string): boolean {
  return profile === 'super_admin' || profile === 'administrator';
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400],
  ['month', 30 * 86_400],
  ['week', 7 * 86_400],
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
];

/** '3 minutes ago' / 'vor 3 Minuten'; under a minute 'now' / 'jetzt'. Empty when the text is not a date. */
export function relativeTime(iso: string, now: number, language: Language): string {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '';
  const seconds = Math.round((at - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** An instant with date and time for the reader's zone: '29 Mar 2026, 14:03' / '29.03.2026, 14:03'. */
export function formatInstant(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A count as the language writes it: 5,000 / 5.000. */
export function formatCount(n: number, language: Language): string {
  return new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB').format(n);
}

/** A sync log group's items: all of them by name when it names them all, else the names and how many more. */
export function groupedSubjects(
  count: number,
  names: readonly string[],
  language: Language,
  andMore: (names: string, more: number) => string,
): string {
  if (count > names.length) return andMore(names.join(', '), count - names.length);
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(names);
}
