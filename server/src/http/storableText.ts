import type { RequestHandler } from 'express';
import { AppError } from '../errors.js';

/**
 * Refuses request input that no store can keep: PostgreSQL rejects the NUL character in text, and a lone UTF-16
 * surrogate cannot be encoded as UTF-8. Checked once for every body and query string, before any route's schema,
 * so no route can forget it and no such text reaches a query (where it used to end as a 500).
 */
export const refuseUnstorableText: RequestHandler = (req, _res, next) => {
  const problem = findUnstorableText(req.query) ?? findUnstorableText(req.body);
  if (problem === undefined) return next();
  next(new AppError('unstorable_text', `unstorable character in ${problem}`, { field: problem }));
};

/** NUL, or a surrogate that is not half of a pair (in `u` mode a proper pair is one code point, not `\p{Cs}`). */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|\p{Cs}/u;

function unstorable(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** The path of the first string (value or key) that cannot be stored, or undefined. Iterative: depth cannot overflow the stack. */
export function findUnstorableText(input: unknown): string | undefined {
  const pending: { value: unknown; path: string }[] = [{ value: input, path: '' }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (unstorable(value)) return path || 'body';
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, inner] of Object.entries(value)) {
      // Past 200 characters a path tells a person nothing more; deep nesting keeps the prefix.
      const innerPath = path.length >= 200 ? path : path ? `${path}.${readable(key)}` : readable(key);
      if (unstorable(key)) return innerPath;
      pending.push({ value: inner, path: innerPath });
    }
  }
  return undefined;
}

/** A key as it may be shown back to a person: without the characters it was refused for. */
function readable(key: string): string {
  // eslint-disable-next-line no-control-regex
  return key.replace(/[\u0000-\u001f]|\p{Cs}/gu, '').slice(0, 60);
}
