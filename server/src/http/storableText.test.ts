import { describe, expect, it } from 'vitest';
import { findUnstorableText } from './storableText.js';

describe('findUnstorableText', () => {
  it('names the first value or key holding a NUL or a lone surrogate', () => {
    expect(findUnstorableText({ subject: 'fine', attendees: [{ name: 'A\u0000' }] })).toBe('attendees.0.name');
    expect(findUnstorableText({ ['ke\u0000y']: 'x' })).toBe('key');
    expect(findUnstorableText({ q: '\udc00' })).toBe('q');
    expect(findUnstorableText('\ud83d')).toBe('body');
  });

  it('lets through text with emoji, umlauts and other control characters', () => {
    expect(findUnstorableText({ subject: 'Prüfung 🎉\t\n', n: 1, b: null, list: ['ok'] })).toBeUndefined();
  });

  it('walks a body nested deeper than the call stack allows', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}"\\u0000"${']'.repeat(200_000)}`) as unknown;
    expect(findUnstorableText(deep)).toMatch(/^0(\.0)+$/);
  });
});
