import { describe, expect, it } from 'vitest';
import { classifyAuthError } from './authErrors';

describe('classifyAuthError', () => {
  it.each([
    [{ name: 'InteractionRequiredAuthError', errorCode: 'something_new' }, 'interaction_required'],
    [{ name: 'BrowserAuthError', errorCode: 'no_account_error' }, 'interaction_required'],
    [{ name: 'InteractionRequiredAuthError', errorCode: 'consent_required' }, 'interaction_required'],
    [{ name: 'BrowserAuthError', errorCode: 'popup_window_error' }, 'popup_blocked'],
    [{ name: 'BrowserAuthError', errorCode: 'empty_window_error' }, 'popup_blocked'],
    [{ name: 'BrowserAuthError', errorCode: 'user_cancelled' }, 'cancelled'],
    [{ name: 'BrowserAuthError', errorCode: 'interaction_in_progress' }, 'other'],
    [new Error('login_required'), 'other'],
    [undefined, 'other'],
  ])('%o → %s', (error, expected) => {
    expect(classifyAuthError(error)).toBe(expected);
  });
});
