import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks', () => {
    const rows = parseCsv('\uFEFFSubject,Location\r\n"Kick-off, part 1","Room ""Elbe"""\n"Multi\nline",Berlin\n');
    expect(rows).toEqual([
      { Subject: 'Kick-off, part 1', Location: 'Room "Elbe"' },
      { Subject: 'Multi\nline', Location: 'Berlin' },
    ]);
  });

  it('returns nothing for an empty file', () => {
    expect(parseCsv('')).toEqual([]);
  });
});
