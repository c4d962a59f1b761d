import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { MAX_EXCEPTIONS } from '../../../common/api/eventDates.js';
import type { ErrorCode } from '../../../common/api/errors.js';
import { AppError } from '../errors.js';
import { STORE_RETRY_AFTER_SECONDS } from '../store/storeUnavailable.js';
import { ERROR_RULES, errorMessage } from '../i18n/errorMessages.js';
import { languageFromAcceptLanguage } from '../i18n/language.js';

/** Registered last: turns every failure into `{ error, message }` in the caller's language; never a stack. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const language = languageFromAcceptLanguage(req.headers['accept-language']);
    const appError = toAppError(error);
    const { status } = ERROR_RULES[appError.code];
    if (appError.code === 'store_unavailable')
      logger.warn({ detail: appError.detail, path: req.path }, 'store unavailable');
    else if (status >= 500) logger.error({ err: error, path: req.path }, 'request failed');
    else logger.info({ code: appError.code, detail: appError.detail, path: req.path }, 'request refused');
    if (res.headersSent) return;
    if (status === 401) res.setHeader('WWW-Authenticate', `Bearer error="invalid_token"`);
    if (appError.code === 'store_unavailable') res.setHeader('Retry-After', String(STORE_RETRY_AFTER_SECONDS));
    res.status(status).json({
      error: appError.code,
      message: errorMessage(appError.code, language, appError.params),
      ...(appError.problems
        ? {
            problems: appError.problems.map((problem) => ({
              row: problem.row,
              code: problem.code,
              message: problem.message[language],
            })),
          }
        : {}),
    });
  };
}

export const notFound: RequestHandler = (_req, _res, next) => next(new AppError('not_found'));

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof z.ZodError) {
    const coded = codedIssue(error);
    if (coded) return coded;
    const detail = error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    return new AppError('invalid_request', detail, { detail });
  }
  if (error instanceof SyntaxError && 'body' in error)
    return new AppError('invalid_request', 'malformed JSON', { detail: 'malformed JSON' });
  const clientStatus = clientErrorStatus(error);
  if (clientStatus === 404) return new AppError('not_found', String(error));
  if (clientStatus === 413) return new AppError('payload_too_large', String(error));
  if (clientStatus === 415) return new AppError('unsupported_media_type', String(error));
  if (clientStatus !== undefined) return new AppError('body_unreadable', String(error));
  return new AppError('internal', String(error));
}

/** Error codes a schema may give an issue (`params.appError`), for refusals that deserve their own words. */
const ISSUE_CODES = {
  event_date_out_of_range: (path: string) => ({ detail: path }),
  too_many_exceptions: () => ({ max: MAX_EXCEPTIONS }),
} as const satisfies Partial<Record<ErrorCode, (path: string) => Record<string, string | number>>>;

function codedIssue(error: z.ZodError): AppError | undefined {
  for (const issue of error.issues) {
    const code = issue.code === 'custom' ? (issue.params as { appError?: unknown } | undefined)?.appError : undefined;
    if (typeof code === 'string' && code in ISSUE_CODES) {
      const path = issue.path.join('.');
      const key = code as keyof typeof ISSUE_CODES;
      return new AppError(key, `${path}: ${issue.message}`, ISSUE_CODES[key](path));
    }
  }
  return undefined;
}

/**
 * The 4xx status of an error that Express's own parts raise about a request (http-errors from the body parser:
 * a damaged gzip body, an unknown charset or encoding, a body over the limit, an aborted upload), else undefined.
 */
function clientErrorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error) || !('expose' in error)) return undefined;
  const { status, expose } = error;
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}
