import { randomBytes } from 'node:crypto';
import { GraphError } from '../graph/graphError.js';
import type { DevTenantKnobs } from '../knobs.js';
import type { StoredEvent, EventTombstone } from '../state/calendarStore.js';
import { windowViews, type MastersInView } from './eventView.js';

export type DeltaEntry = { id: string; removed: boolean };
/** An item of a non-windowed collection (contacts of a folder): its id, change key and last write sequence. */
export type DeltaItem = { id: string; changeKey: string };

interface Snapshot {
  /** id → changeKey of every item of the window at the end of the round. */
  items: Record<string, string>;
  seq: number;
}

/** Server-side state behind an opaque `$skiptoken` (a page of a round) or `$deltatoken` (the end of a round). */
interface SyncState {
  userId: string;
  calendarId: string;
  from: number;
  to: number;
  chain: string;
  generation: number;
  select?: string[];
  /** A windowless round's `$filter`, as its first request gave it (message delta keeps it in the tokens). */
  filter?: string;
  maxPageSize?: number;
  /** For a skiptoken: what is left of the round, and the snapshot its deltaLink will carry. */
  page?: { entries: DeltaEntry[]; offset: number; final: Snapshot };
  /** For a deltatoken. */
  snapshot?: Snapshot;
}

export interface DeltaPage {
  entries: DeltaEntry[];
  nextToken?: string;
  deltaToken?: string;
  state: { select?: string[]; filter?: string; from: number; to: number };
}

const MAX_WINDOW_MS = 5 * 366 * 86_400_000;
/** Graph keeps only the latest few generations of a chain (docs/graph-behaviour.md#delta-token-generations). */
const KEPT_GENERATIONS = 3;
/** Like Outlook's size-bounded sync-state cache: the oldest states are evicted beyond this many. */
const MAX_STATES = 20_000;
export const DEFAULT_DELTA_PAGE_SIZE = 10;

export function syncStateNotFound(generation: number, highest: number): GraphError {
  const kept = Array.from({ length: Math.min(KEPT_GENERATIONS, highest + 1) }, (_, i) => highest - i)
    .map((g) => `[${g}]`)
    .join('');
  return new GraphError(
    410,
    'SyncStateNotFound',
    `The sync state generation is not found; generation=${generation};[highest=${highest}]${kept}.`,
  );
}

/**
 * Delta rounds: calendarView/delta over one calendar (opaque tokens bound to mailbox, calendar, window and generation),
 * and windowless collections such as a contact folder's contacts (scope id instead of a calendar, no window).
 */
export class DeltaSyncStore {
  private readonly states = new Map<string, SyncState>();
  private readonly chains = new Map<string, { latest: number; userId: string }>();
  constructor(private readonly knobs: DevTenantKnobs) {}

  /** Test knob: every round starts with an empty page that still carries a nextLink (Graph does this). */
  private get emptyFirstPage(): boolean {
    return this.knobs.deltaEmptyFirstPage;
  }

  validateWindow(start: number | undefined, end: number | undefined): { from: number; to: number } {
    if (start === undefined || end === undefined) {
      throw new GraphError(
        400,
        'ErrorInvalidParameter',
        'This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.',
      );
    }
    if (end - start > MAX_WINDOW_MS) {
      throw new GraphError(
        400,
        'ErrorInvalidRequest',
        "Your request can't be completed. The range between the start and end dates is greater than the allowed range. Maximum number of years: 5",
      );
    }
    if (end < start)
      throw new GraphError(400, 'ErrorInvalidParameter', 'The end of the time window must be after its start.');
    return { from: start, to: end };
  }

  /** Drops every token of a mailbox (or of all mailboxes): the next use answers 410 SyncStateNotFound. */
  expire(userId?: string): number {
    let n = 0;
    for (const [token, state] of this.states) {
      if (userId === undefined || state.userId === userId) {
        this.states.delete(token);
        n++;
      }
    }
    for (const info of this.chains.values())
      if (userId === undefined || info.userId === userId) info.latest += KEPT_GENERATIONS + 1;
    return n;
  }

  private issue(state: SyncState): string {
    const token = randomBytes(24).toString('base64url');
    this.states.set(token, state);
    const chain = this.chains.get(state.chain);
    if (chain) chain.latest = Math.max(chain.latest, state.generation);
    // Evict what has fallen out of the kept generations.
    for (const [t, s] of this.states)
      if (s.chain === state.chain && s.generation <= state.generation - KEPT_GENERATIONS) this.states.delete(t);
    for (const t of this.states.keys()) {
      if (this.states.size <= MAX_STATES) break;
      this.states.delete(t);
    }
    return token;
  }

  private lookup(token: string, userId: string, calendarId: string): SyncState {
    const state = this.states.get(token);
    if (!state || state.userId !== userId || state.calendarId !== calendarId) {
      const chainInfo = state ? this.chains.get(state.chain) : undefined;
      throw syncStateNotFound(state?.generation ?? 0, chainInfo?.latest ?? 0);
    }
    const chain = this.chains.get(state.chain)!;
    if (state.generation <= chain.latest - KEPT_GENERATIONS) {
      this.states.delete(token);
      throw syncStateNotFound(state.generation, chain.latest);
    }
    return state;
  }

  /** Test knob: a series begun before the window comes as bare occurrences, without its master (reported of Graph). */
  private get masters(): MastersInView {
    return this.knobs.seriesBeforeWindowWithoutMaster ? 'begunInWindow' : 'all';
  }

  private snapshot(events: StoredEvent[], from: number, to: number, seq: number): Snapshot {
    const items: Record<string, string> = {};
    for (const v of windowViews(events, from, to, this.masters)) items[v.id] = v.changeKey;
    return { items, seq };
  }

  /** The first page of a new round (no token). */
  initial(p: {
    userId: string;
    calendarId: string;
    from: number;
    to: number;
    events: StoredEvent[];
    seq: number;
    select?: string[];
    maxPageSize?: number;
  }): DeltaPage {
    const final = this.snapshot(p.events, p.from, p.to, p.seq);
    const chain = randomBytes(8).toString('hex');
    this.chains.set(chain, { latest: 0, userId: p.userId });
    const entries = windowViews(p.events, p.from, p.to, this.masters).map((v) => ({ id: v.id, removed: false }));
    const base: SyncState = {
      userId: p.userId,
      calendarId: p.calendarId,
      from: p.from,
      to: p.to,
      chain,
      generation: 0,
      ...(p.select ? { select: p.select } : {}),
      ...(p.maxPageSize ? { maxPageSize: p.maxPageSize } : {}),
    };
    return this.pageOf(base, entries, this.emptyFirstPage ? -1 : 0, final, p.maxPageSize);
  }

  /** Follows a `$skiptoken` or `$deltatoken`. */
  follow(p: {
    token: string;
    kind: 'skip' | 'delta';
    userId: string;
    calendarId: string;
    events: StoredEvent[];
    tombstones: EventTombstone[];
    seq: number;
    maxPageSize?: number;
  }): DeltaPage {
    const state = this.lookup(p.token, p.userId, p.calendarId);
    const pageSize = p.maxPageSize ?? state.maxPageSize;
    if (state.page && p.kind === 'skip')
      return this.pageOf(state, state.page.entries, state.page.offset, state.page.final, pageSize);
    if (!state.snapshot || p.kind !== 'delta')
      throw syncStateNotFound(state.generation, this.chains.get(state.chain)!.latest);
    const prev = state.snapshot;
    const final = this.snapshot(p.events, state.from, state.to, p.seq);
    const entries: DeltaEntry[] = [];
    for (const [id, changeKey] of Object.entries(final.items))
      if (prev.items[id] !== changeKey) entries.push({ id, removed: false });
    for (const id of Object.keys(prev.items)) if (!(id in final.items)) entries.push({ id, removed: true });
    // Documented quirk: items outside the window that changed since the last round come as @removed too.
    const seen = new Set(entries.map((e) => e.id));
    for (const e of p.events) {
      if (e.seq > prev.seq && !(e.id in final.items) && !seen.has(e.id)) {
        entries.push({ id: e.id, removed: true });
        seen.add(e.id);
      }
    }
    for (const t of p.tombstones) {
      if (t.calendarId === p.calendarId && t.seq > prev.seq && !seen.has(t.id)) {
        entries.push({ id: t.id, removed: true });
        seen.add(t.id);
      }
    }
    return this.pageOf(state, entries, this.emptyFirstPage ? -1 : 0, final, pageSize);
  }

  /**
   * The first page of a round over a windowless collection (`scopeId` names it, e.g. `contacts:{folderId}`), in the
   * order of `items`. `filter` is kept in the tokens and handed back to `followItems`. With `limit`, only the last
   * `limit` items are reported while the round's snapshot still holds them all, so the others never come (Graph's
   * `$top` on message delta).
   */
  initialItems(p: {
    userId: string;
    scopeId: string;
    items: DeltaItem[];
    seq: number;
    select?: string[];
    filter?: string;
    limit?: number;
    maxPageSize?: number;
  }): DeltaPage {
    const final: Snapshot = { items: Object.fromEntries(p.items.map((i) => [i.id, i.changeKey])), seq: p.seq };
    const chain = randomBytes(8).toString('hex');
    this.chains.set(chain, { latest: 0, userId: p.userId });
    const reported = p.limit === undefined ? p.items : p.items.slice(Math.max(0, p.items.length - p.limit));
    const entries = reported.map((i) => ({ id: i.id, removed: false }));
    const base: SyncState = {
      userId: p.userId,
      calendarId: p.scopeId,
      from: 0,
      to: 0,
      chain,
      generation: 0,
      ...(p.select ? { select: p.select } : {}),
      ...(p.filter !== undefined ? { filter: p.filter } : {}),
      ...(p.maxPageSize ? { maxPageSize: p.maxPageSize } : {}),
    };
    return this.pageOf(base, entries, this.emptyFirstPage ? -1 : 0, final, p.maxPageSize);
  }

  /**
   * Follows a `$skiptoken` or `$deltatoken` of a windowless round; `tombstones` are the scope's deletions. `items`
   * (in the order changes should come) may be a function of the round's `filter`: it is read only when a delta
   * token starts a new round, not for the pages of a round.
   */
  followItems(p: {
    token: string;
    kind: 'skip' | 'delta';
    userId: string;
    scopeId: string;
    items: DeltaItem[] | ((filter: string | undefined) => DeltaItem[]);
    tombstones: { id: string; seq: number }[];
    seq: number;
    maxPageSize?: number;
  }): DeltaPage {
    const state = this.lookup(p.token, p.userId, p.scopeId);
    const pageSize = p.maxPageSize ?? state.maxPageSize;
    if (state.page && p.kind === 'skip')
      return this.pageOf(state, state.page.entries, state.page.offset, state.page.final, pageSize);
    if (!state.snapshot || p.kind !== 'delta')
      throw syncStateNotFound(state.generation, this.chains.get(state.chain)!.latest);
    const prev = state.snapshot;
    const items = typeof p.items === 'function' ? p.items(state.filter) : p.items;
    const final: Snapshot = { items: Object.fromEntries(items.map((i) => [i.id, i.changeKey])), seq: p.seq };
    const entries: DeltaEntry[] = [];
    for (const [id, changeKey] of Object.entries(final.items))
      if (prev.items[id] !== changeKey) entries.push({ id, removed: false });
    const seen = new Set(entries.map((e) => e.id));
    for (const id of Object.keys(prev.items)) {
      if (!(id in final.items)) {
        entries.push({ id, removed: true });
        seen.add(id);
      }
    }
    for (const t of p.tombstones) {
      if (t.seq > prev.seq && !seen.has(t.id)) {
        entries.push({ id: t.id, removed: true });
        seen.add(t.id);
      }
    }
    return this.pageOf(state, entries, this.emptyFirstPage ? -1 : 0, final, pageSize);
  }

  private pageOf(
    from: SyncState,
    entries: DeltaEntry[],
    offset: number,
    final: Snapshot,
    pageSize: number | undefined,
  ): DeltaPage {
    const size = pageSize ?? DEFAULT_DELTA_PAGE_SIZE;
    const start = Math.max(offset, 0);
    const slice = offset < 0 ? [] : entries.slice(start, start + size);
    const nextOffset = offset < 0 ? 0 : start + size;
    const generation = from.generation + 1;
    const common = {
      userId: from.userId,
      calendarId: from.calendarId,
      from: from.from,
      to: from.to,
      chain: from.chain,
      generation,
      ...(from.select ? { select: from.select } : {}),
      ...(from.filter !== undefined ? { filter: from.filter } : {}),
      ...(pageSize ? { maxPageSize: pageSize } : {}),
    };
    const state = { select: from.select, filter: from.filter, from: from.from, to: from.to };
    if (nextOffset < entries.length || offset < 0) {
      return {
        entries: slice,
        nextToken: this.issue({ ...common, page: { entries, offset: nextOffset, final } }),
        state,
      };
    }
    return { entries: slice, deltaToken: this.issue({ ...common, snapshot: final }), state };
  }
}
