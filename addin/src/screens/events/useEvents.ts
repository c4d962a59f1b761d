import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/client';
import type { CrmEvent } from '../../api/types';

export type EventsState =
  | { status: 'loading' }
  | { status: 'ready'; events: CrmEvent[]; refreshing: boolean }
  | { status: 'error'; error: unknown };

/** GET /api/events, with a reload that keeps the list visible while the new one is on its way. */
export function useEvents(api: Api): [EventsState, () => Promise<void>] {
  const [state, setState] = useState<EventsState>({ status: 'loading' });
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState((current) => (current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' }));
    try {
      const { events } = await api.listEvents();
      if (mine === generation.current) setState({ status: 'ready', events, refreshing: false });
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', error });
    }
  }, [api]);

  useEffect(() => {
    void load();
    return () => {
      generation.current += 1; // an answer that arrives after unmount is dropped
    };
  }, [load]);

  return [state, load];
}
