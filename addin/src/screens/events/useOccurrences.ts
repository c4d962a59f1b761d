import { useCallback, useEffect, useRef, useState } from 'react';
import type { Api } from '../../api/client';
import type { CrmEvent, Occurrence } from '../../api/types';
import { fetchOccurrences, OCCURRENCE_PAGE } from '../../events/occurrences';
import { wallTimeAt } from '../../events/zonedTime';

export type OccurrencesState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      /** Everything loaded so far, in date order; the view shows the first `shown`. */
      occurrences: Occurrence[];
      shown: number;
      /** Where loading more goes on; null when the series has no more. */
      next: string | null;
      loadingMore: boolean;
      moreError?: unknown;
    };

export interface OccurrencesControl {
  state: OccurrencesState;
  /** Shows the next page, loading it when needed. */
  showMore: () => void;
  /** Reads one occurrence again after it was changed or cancelled. */
  refreshDay: (date: string) => Promise<void>;
  retry: () => void;
}

/** A series' occurrences from today on (in the event's zone), a page at a time. */
export function useOccurrences(api: Api, event: CrmEvent | undefined): OccurrencesControl {
  const [state, setState] = useState<OccurrencesState>({ status: 'idle' });
  const generation = useRef(0);
  // The series as opened: its id and pattern stay while its occurrences change (a new version of the event).
  const series = useRef<CrmEvent>();
  series.current = event;
  const id = event?.id;

  const listFor = useCallback(
    (eventId: string) => async (from: string, to: string) => (await api.listOccurrences(eventId, from, to)).occurrences,
    [api],
  );

  const load = useCallback(async () => {
    const opened = series.current;
    const mine = ++generation.current;
    if (!opened?.recurrence) {
      setState({ status: 'idle' });
      return;
    }
    setState({ status: 'loading' });
    try {
      const today = wallTimeAt(Date.now(), opened.timeZone).slice(0, 10);
      const { occurrences, next } = await fetchOccurrences(
        listFor(opened.id),
        opened.recurrence,
        today,
        OCCURRENCE_PAGE,
      );
      if (mine === generation.current)
        setState({ status: 'ready', occurrences, shown: OCCURRENCE_PAGE, next, loadingMore: false });
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', error });
    }
  }, [listFor]);

  useEffect(() => {
    void load();
    return () => {
      generation.current += 1; // an answer for a closed dialog is dropped
    };
  }, [id, load]);

  const showMore = useCallback(() => {
    const opened = series.current;
    if (state.status !== 'ready' || state.loadingMore || !opened?.recurrence) return;
    const shown = state.shown + OCCURRENCE_PAGE;
    if (state.occurrences.length >= shown || state.next === null) {
      setState({ ...state, shown });
      return;
    }
    const mine = generation.current;
    const from = state.next;
    setState({ ...state, loadingMore: true, moreError: undefined });
    fetchOccurrences(listFor(opened.id), opened.recurrence, from, shown - state.occurrences.length).then(
      ({ occurrences, next }) => {
        if (mine !== generation.current) return;
        setState((current) =>
          current.status === 'ready'
            ? { ...current, occurrences: [...current.occurrences, ...occurrences], shown, next, loadingMore: false }
            : current,
        );
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setState((current) =>
          current.status === 'ready' ? { ...current, loadingMore: false, moreError: error } : current,
        );
      },
    );
  }, [state, listFor]);

  const refreshDay = useCallback(
    async (date: string) => {
      const opened = series.current;
      if (!opened) return;
      const mine = generation.current;
      const { occurrences } = await api.listOccurrences(opened.id, date, date);
      const fresh = occurrences.find((occurrence) => occurrence.date === date);
      if (mine !== generation.current || !fresh) return;
      setState((current) =>
        current.status === 'ready'
          ? {
              ...current,
              occurrences: current.occurrences.map((occurrence) => (occurrence.date === date ? fresh : occurrence)),
            }
          : current,
      );
    },
    [api],
  );

  return { state, showMore, refreshDay, retry: () => void load() };
}
