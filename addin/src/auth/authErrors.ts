/** What the sign-in screen does about an MSAL failure. */
export type AuthFailure = 'interaction_required' | 'popup_blocked' | 'cancelled' | 'other';

// msal-browser / msal-common error codes (BrowserAuthErrorCodes, InteractionRequiredAuthErrorCodes).
const INTERACTION_REQUIRED = new Set([
  'interaction_required',
  'consent_required',
  'login_required',
  'no_tokens_found',
  'native_account_unavailable',
  'refresh_token_expired',
  'bad_token',
  'interrupted_user',
  'no_account_error',
]);
const POPUP_BLOCKED = new Set(['popup_window_error', 'empty_window_error', 'block_nested_popups']);

/**
 * Classifies an MSAL error by its stable name and errorCode (never its message): interaction required means
 * show the Sign in button; a blocked popup and a cancelled sign-in get their own words.
 */
export function classifyAuthError(error: unknown): AuthFailure {
  const { name, errorCode } = (typeof error === 'object' && error !== null ? error : {}) as {
    name?: unknown;
    errorCode?: unknown;
  };
  const code = typeof errorCode === 'string' ? errorCode : '';
  if (POPUP_BLOCKED.has(code)) return 'popup_blocked';
  if (code === 'user_cancelled') return 'cancelled';
  if (name === 'InteractionRequiredAuthError' || INTERACTION_REQUIRED.has(code)) return 'interaction_required';
  return 'other';
}
