import { describe, expect, it } from 'vitest';
import { ApiError, codeForStatus, toApiError, userMessageOf } from './errors';

describe('toApiError', () => {
  it('keeps the service code and its user message', () => {
    const error = toApiError(401, { error: 'invalid_credentials', message: 'E-Mail oder Kennwort ist falsch.' });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(401);
    expect(error.code).toBe('invalid_credentials');
    expect(error.userMessage).toBe('E-Mail oder Kennwort ist falsch.');
  });

  it.each([
    [401, 'unauthenticated'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [429, 'too_many_attempts'],
    [500, 'server_error'],
    [502, 'server_error'],
    [400, 'bad_response'],
  ])('falls back to the status when the body names no code (%i → %s)', (status, code) => {
    const error = toApiError(status, '<html>Bad gateway</html>');
    expect(error.code).toBe(code);
    expect(error.userMessage).toBeUndefined();
  });

  it('ignores a non-string code and an empty message', () => {
    const error = toApiError(409, { error: 42, message: '  ' });
    expect(error.code).toBe('bad_response');
    expect(error.userMessage).toBeUndefined();
  });

  it('keeps codes it does not know', () => {
    expect(toApiError(409, { error: 'organisation_exists', message: 'x' }).code).toBe('organisation_exists');
    expect(toApiError(418, { error: 'brand_new_code' }).code).toBe('brand_new_code');
  });

  it('flags authentication failures', () => {
    expect(toApiError(401, { error: 'token_expired', message: 'm' }).isAuthentication).toBe(true);
    expect(toApiError(401, {}).isAuthentication).toBe(true);
    // a wrong password is a 401 too, but it is for the user, not a reason to sign in again
    expect(toApiError(401, { error: 'invalid_credentials', message: 'm' }).isAuthentication).toBe(false);
    expect(toApiError(403, { error: 'forbidden', message: 'm' }).isAuthentication).toBe(false);
  });

  it('keeps the row problems of a refusal and drops malformed ones', () => {
    const error = toApiError(400, {
      error: 'mapping_invalid',
      message: '1 problem(s)',
      problems: [{ row: 2, code: 'graph_target_taken', message: 'Taken.' }, { row: 'x', message: 'bad' }, null],
    });
    expect(error.problems).toEqual([{ row: 2, code: 'graph_target_taken', message: 'Taken.' }]);
    expect(toApiError(400, { error: 'x' }).problems).toEqual([]);
  });

  it('maps no response to network_error', () => {
    expect(codeForStatus(0)).toBe('network_error');
  });
});

describe('userMessageOf', () => {
  it('prefers the service message and falls back otherwise', () => {
    expect(userMessageOf(toApiError(403, { error: 'permission_denied', message: 'Keine Berechtigung.' }), 'x')).toBe(
      'Keine Berechtigung.',
    );
    expect(userMessageOf(toApiError(502, 'Bad gateway'), 'fallback')).toBe('fallback');
    expect(userMessageOf(new Error('boom'), 'fallback')).toBe('fallback');
  });
});
