import { useEffect, useRef } from 'react';
import type { Api } from '../api/client';
import { ChangeWatcher } from './changeWatcher';

const watchers = new WeakMap<Api, ChangeWatcher>();

function watcherFor(api: Api): ChangeWatcher {
  let watcher = watchers.get(api);
  if (!watcher) {
    watcher = new ChangeWatcher(async () => (await api.getChanges()).version, document);
    watchers.set(api, watcher);
  }
  return watcher;
}

/**
 * Calls `onChange` when the service reports that something changed (sync brought an event, a colleague edited a
 * contact, the sync status moved) while this view is mounted and the page visible. The view refetches in place.
 */
export function useLiveChanges(api: Api, onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => watcherFor(api).subscribe(() => latest.current()), [api]);
}
