import { useCallback, useState } from 'react';
import { errorCodeOf, userMessageOf } from '../api/errors';
import type { Me, RequestAccessResult } from '../api/types';
import { useI18n } from '../i18n/I18nContext';

/** How far the request mail got: shown once on the pending screen right after asking. */
export type RequestDelivery = Pick<RequestAccessResult, 'notified' | 'mailFailed'>;

/**
 * Request Access (Aufnahme beantragen): POST, then the pending screen. If a request is already open (another
 * tab, a double click) the service says so; the state is fetched again so the pending screen shows it.
 */
export function useRequestAccess({
  requestAccess,
  refreshMe,
  onRequested,
}: {
  requestAccess: () => Promise<RequestAccessResult>;
  refreshMe: () => Promise<Me | undefined>;
  onRequested: (me: Me, delivery: RequestDelivery) => void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const request = useCallback(() => {
    setBusy(true);
    setError(undefined);
    requestAccess()
      .then(({ notified, mailFailed, ...me }) => onRequested(me, { notified, mailFailed }))
      .catch((failure: unknown) => {
        setBusy(false);
        if (errorCodeOf(failure) === 'request_pending') {
          void refreshMe();
          return;
        }
        setError(userMessageOf(failure, t('error.generic')));
      });
  }, [requestAccess, refreshMe, onRequested, t]);

  return { request, busy, error };
}
