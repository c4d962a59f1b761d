import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/client';
import type { SyncKind, SyncStatus } from '../../api/types';
import { useLiveChanges } from '../../live/useLiveChanges';
import { POLL_IDLE_MS, pollDelay } from '../../sync/model';

export interface SyncHandle {
  kind: SyncKind;
  /** The latest status; kept while a later poll fails, so the page does not flicker on a hiccup. */
  data: SyncStatus | undefined;
  /** Why the status could not be loaded (only while there is none to show). */
  loadError: unknown;
  busy: 'enable' | 'disable' | undefined;
  /** The refusal of the last Enable or Disable, in the service's words. */
  actionError: unknown;
  /** Set by a Disable this visit: whether the calendar or contact folder was removed from Outlook then. */
  disabled: { containerRemoved: boolean } | undefined;
  enable: () => Promise<void>;
  disable: () => Promise<void>;
}

/**
 * GET /api/sync/{kind}, kept fresh: every second while the first sync runs, otherwise again whenever the service
 * reports a change (a run finished, an item synced). Polling stops when the component unmounts.
 */
export function useSync(api: Api, kind: SyncKind): SyncHandle {
  const [data, setData] = useState<SyncStatus>();
  const [loadError, setLoadError] = useState<unknown>();
  const [busy, setBusy] = useState<'enable' | 'disable'>();
  const [actionError, setActionError] = useState<unknown>();
  const [disabled, setDisabled] = useState<{ containerRemoved: boolean }>();
  // Answers are applied in the order the requests were made: a poll sent before Disable must not undo its answer.
  const sent = useRef(0);
  const applied = useRef(0);
  // Bumped by Enable and Disable, so polling restarts at the pace the new status asks for.
  const [wake, setWake] = useState(0);

  const apply = useCallback((ticket: number, status: SyncStatus): boolean => {
    if (ticket < applied.current) return false;
    applied.current = ticket;
    setData(status);
    setLoadError(undefined);
    return true;
  }, []);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let latest: SyncStatus | undefined;
    const tick = async () => {
      const ticket = ++sent.current;
      try {
        const status = await api.getSync(kind);
        if (stopped) return;
        if (apply(ticket, status)) latest = status;
      } catch (error) {
        if (stopped) return;
        if (ticket >= applied.current) setLoadError(error);
      }
      // While idle the status is asked for again only when the service reports a change (useLiveChanges below).
      const delay = pollDelay(latest);
      if (delay === POLL_IDLE_MS) return;
      timer = setTimeout(() => void tick(), delay);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [api, kind, apply, wake]);

  useLiveChanges(api, () => setWake((n) => n + 1));

  const enable = useCallback(async () => {
    setBusy('enable');
    setActionError(undefined);
    const ticket = ++sent.current;
    try {
      apply(ticket, await api.enableSync(kind));
      setDisabled(undefined);
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(undefined);
      setWake((n) => n + 1);
    }
  }, [api, kind, apply]);

  const disable = useCallback(async () => {
    setBusy('disable');
    setActionError(undefined);
    const ticket = ++sent.current;
    try {
      const { status, containerRemoved } = await api.disableSync(kind);
      apply(ticket, status);
      setDisabled({ containerRemoved });
    } catch (error) {
      setActionError(error);
    } finally {
      setBusy(undefined);
      setWake((n) => n + 1);
    }
  }, [api, kind, apply]);

  return {
    kind,
    data,
    loadError: data === undefined ? loadError : undefined,
    busy,
    actionError,
    disabled,
    enable,
    disable,
  };
}
