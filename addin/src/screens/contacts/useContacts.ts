import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/client';
import type { Contact } from '../../api/types';

export type ContactsState =
  | { status: 'loading' }
  | { status: 'ready'; contacts: Contact[]; query: string; refreshing: boolean }
  | { status: 'error'; error: unknown };

// Typing in the search box asks the service once the user pauses, not on every key.
const SEARCH_PAUSE_MS = 250;

/** GET /api/contacts?q=, with a reload that keeps the list visible while the new one is on its way. */
export function useContacts(
  api: Api,
  query: string,
): [ContactsState, (options?: { quiet?: boolean }) => Promise<void>] {
  const [state, setState] = useState<ContactsState>({ status: 'loading' });
  const generation = useRef(0);
  const current = useRef(query.trim());
  current.current = query.trim();

  const shown = useRef<ContactsState['status']>('loading');
  shown.current = state.status;

  /** quiet: a live update (no spinner; a failure keeps the list as it is). */
  const load = useCallback(
    async (options?: { quiet?: boolean }) => {
      const quiet = options?.quiet === true && shown.current === 'ready';
      const mine = ++generation.current;
      const q = current.current;
      if (!quiet) setState((s) => (s.status === 'ready' ? { ...s, refreshing: true } : { status: 'loading' }));
      try {
        const { contacts } = await api.listContacts(q);
        if (mine === generation.current) setState({ status: 'ready', contacts, query: q, refreshing: false });
      } catch (error) {
        if (mine === generation.current && !quiet) setState({ status: 'error', error });
      }
    },
    [api],
  );

  const trimmed = query.trim();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      void load();
      return;
    }
    const timer = setTimeout(() => void load(), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [load, trimmed]);

  useEffect(
    () => () => {
      generation.current += 1; // an answer that arrives after unmount is dropped
    },
    [],
  );

  return [state, load];
}
