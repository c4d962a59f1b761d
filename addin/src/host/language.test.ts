import { describe, expect, it } from 'vitest';
import { chooseLanguage } from './language';

describe('chooseLanguage', () => {
  it.each([
    [null, 'de-DE', 'de'],
    [null, 'de', 'de'],
    [null, 'de-at', 'de'],
    [null, 'DE_ch', 'de'],
    [null, 'en-US', 'en'],
    [null, 'fr-FR', 'en'],
    [null, undefined, 'en'],
    [null, 'dex', 'en'],
    ['de-de', 'en-US', 'de'],
    ['en-us', 'de-DE', 'en'],
    ['', 'de-DE', 'de'],
    ['{locale}', 'de-DE', 'de'],
    ['fr', 'de-DE', 'en'],
  ] as const)('query %s, host %s → %s', (query, host, expected) => {
    expect(chooseLanguage(query, host)).toBe(expected);
  });
});
