/** One piece of a field: a quoted section (to its closing quote, or the end when there is none) or plain text. */
const PIECE = /"([^"]*(?:""[^"]*)*)"?|([^",\r\n]+)/y;

/**
 * The rows of RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF), one at a time. Pieces are matched by a
 * regular expression rather than read character by character, so a file of a few megabytes takes milliseconds.
 */
export function* csvRows(text: string): Generator<string[], void, undefined> {
  const input = text.replace(/^\uFEFF/, '');
  let i = 0;
  let row: string[] = [];
  while (i < input.length) {
    let field = '';
    for (;;) {
      PIECE.lastIndex = i;
      const piece = PIECE.exec(input);
      if (!piece) break;
      field += piece[1] !== undefined ? piece[1].replaceAll('""', '"') : piece[2]!;
      i = PIECE.lastIndex;
    }
    row.push(field);
    const c = input[i];
    if (c === ',') {
      i += 1;
      if (i === input.length) row.push('');
      continue;
    }
    i += c === '\r' && input[i + 1] === '\n' ? 2 : 1;
    yield row;
    row = [];
  }
  if (row.length) yield row;
}

/** The records of a CSV text keyed by its header row (its first row that is not blank), one at a time. */
export function* csvRecords(text: string): Generator<Record<string, string>, void, undefined> {
  let header: string[] | undefined;
  for (const cells of csvRows(text)) {
    if (!cells.some((cell) => cell.trim() !== '')) continue;
    if (!header) {
      header = cells.map((name) => name.trim());
      continue;
    }
    yield Object.fromEntries(header.map((name, index) => [name, cells[index] ?? '']));
  }
}

/** Parses RFC 4180 CSV into records keyed by the header row. */
export function parseCsv(text: string): Record<string, string>[] {
  return [...csvRecords(text)];
}
