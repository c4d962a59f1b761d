import { describe, expect, it } from 'vitest';
import { parseScreenHash, SCREENS, screenHash } from './screenRoute';

describe('screen addresses', () => {
  it('reads back every screen it writes', () => {
    for (const screen of SCREENS) expect(parseScreenHash(screenHash(screen))).toBe(screen);
  });

  it('ignores empty, unknown and foreign hashes', () => {
    expect(parseScreenHash('')).toBeUndefined();
    expect(parseScreenHash('#')).toBeUndefined();
    expect(parseScreenHash('#/admin')).toBeUndefined();
    expect(parseScreenHash('#code=abc&state=xyz')).toBeUndefined();
  });

  it('accepts a trailing slash', () => {
    expect(parseScreenHash('#/settings/users/')).toBe('settings/users');
  });
});
