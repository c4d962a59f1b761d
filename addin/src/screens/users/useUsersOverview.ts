import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/client';
import type { UsersOverview } from '../../api/types';

export type OverviewState =
  | { status: 'loading' }
  | { status: 'ready'; data: UsersOverview; refreshing: boolean }
  | { status: 'error'; error: unknown };

/** GET /api/users, with a reload that keeps the current table visible while the new one is on its way. */
export function useUsersOverview(api: Api): [OverviewState, () => Promise<void>] {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState((current) => (current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' }));
    try {
      const data = await api.listUsers();
      if (mine === generation.current) setState({ status: 'ready', data, refreshing: false });
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
