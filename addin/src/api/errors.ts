import type { ErrorCode, RowProblem } from '../../../common/api/errors';

export type { RowProblem };

/** The service's error codes, and the client's own for answers that named none or never came. */
export type KnownErrorCode = ErrorCode | 'forbidden' | 'server_error' | 'network_error' | 'bad_response';

/** A failed API call: HTTP status (0 when nothing came back), stable code, and the user's message if the service sent one. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: KnownErrorCode | (string & {}),
    /** Already in the user's language (the request sent Accept-Language); absent when the body had none. */
    readonly userMessage: string | undefined,
    /** Row-level problems, when the service named them. */
    readonly problems: RowProblem[] = [],
  ) {
    super(userMessage ?? `${code} (HTTP ${status})`);
  }

  /**
   * The service did not accept our token (fetch a fresh one, then sign in again). Decided by code, not status:
   * a wrong password on /api/account-links is also a 401, and must reach the user instead.
   */
  get isAuthentication(): boolean {
    return this.code === 'unauthenticated' || this.code === 'token_expired';
  }
}

/**
 * Turns an error response into an ApiError. The code comes from the body's `error` when it is a string;
 * otherwise from the status alone (a proxy's HTML page, an empty body), never from message text.
 */
export function toApiError(status: number, body: unknown): ApiError {
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.error === 'string' && record.error !== '' ? record.error : codeForStatus(status);
  const message = typeof record.message === 'string' && record.message.trim() !== '' ? record.message : undefined;
  return new ApiError(status, code, message, rowProblemsOf(record.problems));
}

/** The well-formed entries of a body's `problems` list; anything else is dropped. */
function rowProblemsOf(value: unknown): RowProblem[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { row, code, message } = entry as Record<string, unknown>;
    if (typeof row !== 'number' || !Number.isInteger(row) || typeof message !== 'string') return [];
    return [{ row, code: typeof code === 'string' ? code : '', message }];
  });
}

/** The code for a response whose body did not name one. */
export function codeForStatus(status: number): KnownErrorCode {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'too_many_attempts';
  if (status >= 500) return 'server_error';
  if (status === 0) return 'network_error';
  return 'bad_response';
}

/** What to tell the user about a failed call: the service's own words when it sent some, else the fallback. */
export function userMessageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError && error.userMessage ? error.userMessage : fallback;
}

/** The service's code for a failed call, if it was one. */
export function errorCodeOf(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}
