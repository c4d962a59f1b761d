import type { EventFields, StoredEvent } from '../state/calendarStore.js';
import { expandSeries, occurrenceICalUId, occurrenceId, parseOccurrenceId } from './recurrence.js';

export type EventType = 'singleInstance' | 'seriesMaster' | 'occurrence' | 'exception';

/** One item as Graph shows it: a stored event, or an occurrence/exception derived from a series master. */
export interface EventView {
  id: string;
  type: EventType;
  master: StoredEvent;
  fields: EventFields;
  key?: string;
  originalStartUtc?: number;
  changeKey: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  iCalUId: string;
}

export function storedView(e: StoredEvent): EventView {
  return {
    id: e.id,
    type: e.recurrence ? 'seriesMaster' : 'singleInstance',
    master: e,
    fields: e,
    changeKey: e.changeKey,
    createdDateTime: e.createdDateTime,
    lastModifiedDateTime: e.lastModifiedDateTime,
    iCalUId: e.iCalUId,
  };
}

function occurrenceView(
  master: StoredEvent,
  occ: { key: string; originalStartUtc: number; startUtc: number; endUtc: number },
): EventView {
  const exception = master.exceptions[occ.key];
  const base: EventFields = { ...master, startUtc: occ.startUtc, endUtc: occ.endUtc };
  return {
    id: occurrenceId(master.id, occ.key),
    type: exception ? 'exception' : 'occurrence',
    master,
    fields: exception ? { ...base, ...exception.fields } : base,
    key: occ.key,
    originalStartUtc: occ.originalStartUtc,
    changeKey: exception?.changeKey ?? master.changeKey,
    createdDateTime: exception?.createdDateTime ?? master.createdDateTime,
    lastModifiedDateTime: exception?.lastModifiedDateTime ?? master.lastModifiedDateTime,
    iCalUId: occurrenceICalUId(master.iCalUId, occ.key),
  };
}

/** True when [start, end) meets the window (a zero-length item counts when it starts inside). */
export function overlaps(start: number, end: number, from: number, to: number): boolean {
  if (end <= start) return start >= from && start < to;
  return start < to && end > from;
}

/**
 * The occurrences and exceptions of a series that meet the window, cancelled ones left out.
 * Exceptions moved into the window are found by expanding a little past it.
 */
export function instancesInWindow(master: StoredEvent, from: number, to: number): EventView[] {
  const slack = 366 * 86_400_000;
  return expandSeries(master, to + slack)
    .filter((o) => !master.cancelledOccurrences.includes(o.key))
    .map((o) => occurrenceView(master, o))
    .filter((v) => overlaps(v.fields.startUtc, v.fields.endUtc, from, to))
    .sort((a, b) => a.fields.startUtc - b.fields.startUtc);
}

/** Which series masters a window view lists beside their occurrences: none, all, or only those begun inside it. */
export type MastersInView = 'none' | 'all' | 'begunInWindow';

/** A calendar view of events: singles and occurrences/exceptions meeting the window, with their masters as asked. */
export function windowViews(events: StoredEvent[], from: number, to: number, masters: MastersInView): EventView[] {
  const out: EventView[] = [];
  for (const e of events) {
    if (!e.recurrence) {
      if (overlaps(e.startUtc, e.endUtc, from, to)) out.push(storedView(e));
      continue;
    }
    const instances = instancesInWindow(e, from, to);
    const withMaster = masters === 'all' || (masters === 'begunInWindow' && e.startUtc >= from);
    if (instances.length > 0 && withMaster) out.push(storedView(e));
    out.push(...instances);
  }
  return out.sort((a, b) => a.fields.startUtc - b.fields.startUtc || a.id.localeCompare(b.id));
}

/** Resolves any event id: a stored event, or an occurrence id of a series (404 when cancelled or not in the series). */
export function resolveView(events: StoredEvent[], id: string): EventView | undefined {
  const direct = events.find((e) => e.id === id);
  if (direct) return storedView(direct);
  const occ = parseOccurrenceId(id);
  if (!occ) return undefined;
  const master = events.find((e) => e.id === occ.masterId && e.recurrence);
  if (!master || master.cancelledOccurrences.includes(occ.key)) return undefined;
  const found = expandSeries(
    master,
    Date.UTC(Number(occ.key.slice(0, 4)), Number(occ.key.slice(4, 6)) - 1, Number(occ.key.slice(6, 8)) + 2),
  ).find((o) => o.key === occ.key);
  return found ? occurrenceView(master, found) : undefined;
}
