import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/client';
import type { EventView, ListedEvent } from '../../api/types';
import { appendPage, reloadLimit } from '../../events/model';

/** Page sizes: Upcoming is what people come for; Earlier grows a page at a time, on demand. */
const PAGE: Record<EventView, number> = { upcoming: 200, earlier: 50 };

/** One of the view's lists as far as it is shown. */
export interface EventList {
  events: ListedEvent[];
  /** Where the next page starts, while there is one. */
  cursor: string | undefined;
  /** Every event of the list is shown. */
  complete: boolean;
  loadingMore: boolean;
  /** Why the last page did not come (the list stays as it was; asking again retries). */
  moreError: unknown;
}

export type EventsState =
  | { status: 'loading' }
  | {
      status: 'ready';
      upcoming: EventList;
      /** Undefined until the user asks for earlier events. */
      earlier: EventList | undefined;
      /** Whether any event is over (so Earlier is offered at all). */
      hasEarlier: boolean;
      refreshing: boolean;
    }
  | { status: 'error'; error: unknown };

const listOf = (page: { events: ListedEvent[]; nextCursor?: string }): EventList => ({
  events: page.events,
  cursor: page.nextCursor,
  complete: page.nextCursor === undefined,
  loadingMore: false,
  moreError: undefined,
});

/**
 * The events view's data: Upcoming at once, Earlier a page at a time when asked for (showMore), and a reload that
 * keeps both lists visible and as long as they were while the new ones are on their way.
 */
export function useEvents(api: Api): {
  state: EventsState;
  /** quiet: a live update (no spinner; a failure keeps the lists as they are). */
  reload: (options?: { quiet?: boolean }) => Promise<void>;
  showMore: (view: EventView) => Promise<void>;
} {
  const [state, setState] = useState<EventsState>({ status: 'loading' });
  const current = useRef(state);
  current.current = state;
  // A reload makes answers to earlier requests (a reload or a page) stale.
  const generation = useRef(0);

  const reload = useCallback(
    async (options?: { quiet?: boolean }) => {
      const quiet = options?.quiet === true && current.current.status === 'ready';
      const mine = ++generation.current;
      const before = current.current;
      const shownUpcoming = before.status === 'ready' ? before.upcoming.events.length : 0;
      const shownEarlier =
        before.status === 'ready' && before.earlier?.events.length ? before.earlier.events.length : undefined;
      if (!quiet) setState((now) => (now.status === 'ready' ? { ...now, refreshing: true } : { status: 'loading' }));
      try {
        const [upcoming, earlier] = await Promise.all([
          api.listEventPage({ view: 'upcoming', limit: reloadLimit(shownUpcoming, PAGE.upcoming) }),
          // Earlier not shown yet: one event tells whether to offer it.
          api.listEventPage({
            view: 'earlier',
            limit: shownEarlier === undefined ? 1 : reloadLimit(shownEarlier, PAGE.earlier),
          }),
        ]);
        if (mine !== generation.current) return;
        setState({
          status: 'ready',
          upcoming: listOf(upcoming),
          earlier: shownEarlier === undefined ? undefined : listOf(earlier),
          hasEarlier: earlier.events.length > 0,
          refreshing: false,
        });
      } catch (error) {
        if (mine === generation.current && !quiet) setState({ status: 'error', error });
      }
    },
    [api],
  );

  const showMore = useCallback(
    async (view: EventView) => {
      const before = current.current;
      if (before.status !== 'ready') return;
      const list = before[view];
      if (list?.loadingMore || list?.complete) return;
      const mine = generation.current;
      const update = (change: (list: EventList) => EventList) =>
        setState((now) => {
          if (now.status !== 'ready' || mine !== generation.current) return now;
          return {
            ...now,
            [view]: change(
              now[view] ?? { events: [], cursor: undefined, complete: false, loadingMore: false, moreError: undefined },
            ),
          };
        });
      update((shown) => ({ ...shown, loadingMore: true, moreError: undefined }));
      try {
        const page = await api.listEventPage({
          view,
          limit: PAGE[view],
          ...(list?.cursor !== undefined ? { cursor: list.cursor } : {}),
        });
        update((shown) => ({ ...listOf(page), events: appendPage(shown.events, page.events) }));
      } catch (error) {
        update((shown) => ({ ...shown, loadingMore: false, moreError: error }));
      }
    },
    [api],
  );

  useEffect(() => {
    void reload();
    return () => {
      generation.current += 1; // an answer that arrives after unmount is dropped
    };
  }, [reload]);

  return { state, reload, showMore };
}
