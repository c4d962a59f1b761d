import { describe, expect, it } from 'vitest';
import { classifyGraphFailure } from './graphErrors.js';

describe('classifyGraphFailure', () => {
  it.each([
    [429, 'TooManyRequests', '2.5', 'temporary', 2.5],
    [503, 'serviceNotAvailable', '10', 'temporary', 10],
    [504, 'UnknownError', null, 'temporary', undefined],
    [401, 'InvalidAuthenticationToken', null, 'token_expired', undefined],
    [403, 'ErrorAccessDenied', null, 'consent_missing', undefined],
    [410, 'SyncStateNotFound', null, 'cursor_expired', undefined],
    [400, 'SyncStateNotFound', null, 'cursor_expired', undefined],
    [404, 'ErrorItemNotFound', null, 'not_found', undefined],
    [400, 'ErrorInvalidRequest', null, 'invalid_request', undefined],
    [500, 'generalException', null, 'unknown', undefined],
  ] as const)('%i %s is %s', (status, code, retryAfter, kind, seconds) => {
    const failure = classifyGraphFailure(status, code, retryAfter);
    expect(failure.kind).toBe(kind);
    expect(failure.retryAfterSeconds).toBe(seconds);
  });

  it('reads an HTTP-date Retry-After as seconds from now', () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    expect(classifyGraphFailure(429, 'TooManyRequests', inTenSeconds).retryAfterSeconds).toBeGreaterThan(8);
  });
});
