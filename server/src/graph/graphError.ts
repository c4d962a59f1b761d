/**
 * What a failed Graph call means for the caller; decided by HTTP status and Graph error code, never by message text.
 * `unavailable` is no answer at all (network, DNS, TLS): status 0.
 */
export type GraphFailureKind =
  | 'temporary'
  | 'unavailable'
  | 'token_expired'
  | 'consent_missing'
  | 'cursor_expired'
  | 'not_found'
  | 'invalid_request'
  | 'unknown';

/** The status of a GraphError for a request that got no answer. */
export const NO_ANSWER = 0;

const CURSOR_CODES = new Set(['SyncStateNotFound', 'syncStateNotFound', 'resyncRequired', 'SyncStateInvalid']);
const NOT_FOUND_CODES = new Set(['ErrorItemNotFound', 'itemNotFound', 'Request_ResourceNotFound', 'ResourceNotFound']);

/** One table: status and code to kind (each row has a test). */
export function graphFailureKind(status: number, code: string): GraphFailureKind {
  if (status === NO_ANSWER) return 'unavailable';
  if (status === 429 || status === 503 || status === 504) return 'temporary';
  if (status === 401) return 'token_expired';
  if (status === 403) return 'consent_missing';
  if (status === 410 || CURSOR_CODES.has(code)) return 'cursor_expired';
  if (status === 404 || NOT_FOUND_CODES.has(code)) return 'not_found';
  if (status === 400) return 'invalid_request';
  return 'unknown';
}

/** The parts of a Graph answer an error is read from: a whole response or one item of a `$batch`. */
export interface GraphAnswer {
  status: number;
  body: unknown;
  header(name: string): string | undefined;
}

/**
 * A Graph answer that is not a success, the one error type of the Graph layer: status, Graph's error code, its
 * kind (the table above), Retry-After in seconds and Graph's request id (what Microsoft support asks for).
 */
export class GraphError extends Error {
  readonly kind: GraphFailureKind;

  constructor(
    readonly status: number,
    readonly code: string,
    readonly retryAfterSeconds: number | undefined,
    readonly requestId: string | undefined,
    /** The request that failed, as "METHOD path". */
    readonly request: string,
    graphMessage = '',
    cause?: unknown,
  ) {
    super(`${request} failed: ${status} ${code} ${graphMessage}`.trim(), cause === undefined ? undefined : { cause });
    this.name = 'GraphError';
    this.kind = graphFailureKind(status, code);
  }

  /** A request that got no answer; the network's error is the cause. */
  static noAnswer(request: string, cause: unknown): GraphError {
    const message = cause instanceof Error ? cause.message : String(cause);
    return new GraphError(NO_ANSWER, '', undefined, undefined, request, message, cause);
  }

  static fromAnswer(request: string, answer: GraphAnswer): GraphError {
    const error = errorObject(answer.body);
    const innerError = error?.innerError as Record<string, unknown> | undefined;
    const requestId = answer.header('request-id') ?? stringOrUndefined(innerError?.['request-id']);
    return new GraphError(
      answer.status,
      stringOrUndefined(error?.code) ?? '',
      parseRetryAfter(answer.header('retry-after')),
      requestId,
      request,
      stringOrUndefined(error?.message) ?? '',
    );
  }
}

/** Retry-After as seconds: Graph sends a number (possibly fractional); an HTTP date is read as seconds from now. */
export function parseRetryAfter(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

function errorObject(body: unknown): Record<string, unknown> | undefined {
  const error = (body as { error?: unknown } | null | undefined)?.error;
  return typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : undefined;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}
