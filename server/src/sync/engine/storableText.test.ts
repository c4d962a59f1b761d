import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { storableItem, storableText } from './storableText.js';

const wellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

describe('text the CRM can store', () => {
  it('drops NUL, replaces lone surrogates and keeps everything else, emoji and umlauts included', () => {
    expect(storableText('Quartals\u0000bericht')).toBe('Quartalsbericht');
    expect(storableText('a\uD800b\uDC00c')).toBe('a\uFFFDb\uFFFDc');
    expect(storableText('Grüße 👋\t\u0001')).toBe('Grüße 👋\t\u0001');
  });

  it('any string becomes one without NUL and without lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const storable = storableText(text);
        expect(storable.includes('\u0000')).toBe(false);
        expect(wellFormed(storable)).toBe(true);
        if (!text.includes('\u0000') && wellFormed(text)) expect(storable).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('cleans every string of an item, nested in objects and arrays, and says whether it had to', () => {
    const { item, cleaned } = storableItem({
      id: 'AAMk1',
      subject: 'a\u0000b',
      attendees: [{ emailAddress: { name: 'N\uD800', address: 'n@example.com' } }],
      isAllDay: false,
    });
    expect(cleaned).toBe(true);
    expect(item).toEqual({
      id: 'AAMk1',
      subject: 'ab',
      attendees: [{ emailAddress: { name: 'N\uFFFD', address: 'n@example.com' } }],
      isAllDay: false,
    });
    expect(storableItem({ id: 'x', subject: 'fine' }).cleaned).toBe(false);
  });
});
