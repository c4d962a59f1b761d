import { GraphError } from '@microsoft/microsoft-graph-client';

/** What a failed Graph call means for the caller; decided by HTTP status and Graph error code, never by message text. */
export type GraphFailureKind =
  'temporary' | 'token_expired' | 'consent_missing' | 'cursor_expired' | 'not_found' | 'invalid_request' | 'unknown';

export interface GraphFailure {
  kind: GraphFailureKind;
  status: number;
  code: string;
  retryAfterSeconds: number | undefined;
}

const CURSOR_CODES = new Set(['SyncStateNotFound', 'syncStateNotFound', 'resyncRequired', 'SyncStateInvalid']);
const NOT_FOUND_CODES = new Set(['ErrorItemNotFound', 'itemNotFound', 'Request_ResourceNotFound', 'ResourceNotFound']);

/** One table: status and code to kind (each row has a test). */
export function classifyGraphFailure(
  status: number,
  code: string,
  retryAfter: string | null | undefined,
): GraphFailure {
  const retryAfterSeconds = parseRetryAfter(retryAfter);
  const kind = ((): GraphFailureKind => {
    if (status === 429 || status === 503 || status === 504) return 'temporary';
    if (status === 401) return 'token_expired';
    if (status === 403) return 'consent_missing';
    if (status === 410 || CURSOR_CODES.has(code)) return 'cursor_expired';
    if (status === 404 || NOT_FOUND_CODES.has(code)) return 'not_found';
    if (status === 400) return 'invalid_request';
    return 'unknown';
  })();
  return { kind, status, code, retryAfterSeconds };
}

/** Reads a failure out of what @microsoft/microsoft-graph-client throws. */
export function graphFailureOf(error: unknown): GraphFailure | undefined {
  if (!(error instanceof GraphError)) return undefined;
  return classifyGraphFailure(error.statusCode, error.code ?? '', error.headers?.get('Retry-After'));
}

function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}
