import { describe, expect, it } from 'vitest';
import { GraphError, graphFailureKind, parseRetryAfter } from './graphError.js';

describe('graphFailureKind', () => {
  it.each([
    [0, '', 'unavailable'],
    [429, 'TooManyRequests', 'temporary'],
    [503, 'serviceNotAvailable', 'temporary'],
    [504, 'UnknownError', 'temporary'],
    [401, 'InvalidAuthenticationToken', 'token_expired'],
    [403, 'ErrorAccessDenied', 'consent_missing'],
    [410, 'SyncStateNotFound', 'cursor_expired'],
    [400, 'SyncStateNotFound', 'cursor_expired'],
    [404, 'ErrorItemNotFound', 'not_found'],
    [400, 'ErrorInvalidRequest', 'invalid_request'],
    [500, 'generalException', 'unknown'],
  ] as const)('%i %s is %s', (status, code, kind) => {
    expect(graphFailureKind(status, code)).toBe(kind);
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds, fractional seconds and an HTTP date (as seconds from now)', () => {
    expect(parseRetryAfter('10')).toBe(10);
    expect(parseRetryAfter('2.5')).toBe(2.5);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThan(8);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('GraphError.fromAnswer', () => {
  const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
    status,
    body,
    header: (name: string) => headers[name],
  });

  it('carries status, code, kind, Retry-After and the request id of the response header', () => {
    const error = GraphError.fromAnswer(
      'GET /users/u/events',
      answer(
        429,
        { error: { code: 'TooManyRequests', message: 'Please retry after' } },
        { 'retry-after': '2.5', 'request-id': 'r-1' },
      ),
    );
    expect(error).toMatchObject({ status: 429, code: 'TooManyRequests', kind: 'temporary', retryAfterSeconds: 2.5 });
    expect(error.requestId).toBe('r-1');
    expect(error.message).toBe('GET /users/u/events failed: 429 TooManyRequests Please retry after');
  });

  it('takes the request id from innerError when the header is missing (a $batch item)', () => {
    const body = { error: { code: 'ErrorItemNotFound', message: 'x', innerError: { 'request-id': 'r-2' } } };
    expect(GraphError.fromAnswer('DELETE /users/u/events/e', answer(404, body)).requestId).toBe('r-2');
  });

  it('reads an answer that is not Graph JSON as an unknown failure of its status', () => {
    const error = GraphError.fromAnswer('GET /me', answer(502, '<html>Bad Gateway</html>'));
    expect(error).toMatchObject({ status: 502, code: '', kind: 'unknown', requestId: undefined });
  });
});
