import type { ErrorCode } from '../../common/api/errors.js';

/**
 * A failure the caller can act on, with a stable code. The HTTP layer maps the code to a status and to a
 * message in the user's language; `detail` is for logs and developers only and never reaches a client.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly params: Record<string, string | number> = {},
    /** Per-item problems a form shows next to its fields (already in both languages). */
    readonly problems?: readonly { row: number; code: string; message: Record<'en' | 'de', string> }[],
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AppError';
  }
}
