import { GraphError } from '../graph/graphError.js';
import type { StoredEvent } from '../state/calendarStore.js';

type Predicate = (e: StoredEvent) => boolean;

function unsupported(filter: string): GraphError {
  return new GraphError(
    400,
    'ErrorInvalidUrlQueryFilter',
    `The query filter contains one or more invalid nodes. (${filter})`,
  );
}

const str = (s: string) => s.replace(/''/g, "'");

function compare(op: string, actual: string, expected: string, caseInsensitive: boolean): boolean {
  const a = caseInsensitive ? actual.toLowerCase() : actual;
  const b = caseInsensitive ? expected.toLowerCase() : expected;
  if (op === 'eq') return a === b;
  if (op === 'ne') return a !== b;
  if (op === 'contains') return a.includes(b);
  if (op === 'startswith') return a.startsWith(b);
  return false;
}

/** Splits on top-level ` and ` (outside parentheses and quotes). */
export function splitAnd(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === '(') depth++;
    else if (!quoted && c === ')') depth--;
    else if (!quoted && depth === 0 && /^\s+and\s+/i.test(text.slice(i))) {
      parts.push(text.slice(last, i));
      const m = /^\s+and\s+/i.exec(text.slice(i))!;
      i += m[0].length - 1;
      last = i + 1;
    }
  }
  parts.push(text.slice(last));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * One condition on an extended property inside any(): `ep/id eq '...'`, `ep/value eq '...'`, `contains(ep/value,'...')`.
 * `sameId` says whether a stored id is the one asked for; by default the ids must be equal.
 */
export function extendedCondition(
  alias: string,
  clause: string,
  sameId: (stored: string, asked: string) => boolean = (stored, asked) => stored === asked,
): (p: { id: string; value: string }) => boolean {
  const a = alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let m = new RegExp(`^${a}/(id|value)\\s+(eq|ne)\\s+'((?:[^']|'')*)'$`, 'i').exec(clause);
  if (m) {
    const [, prop, op, value] = m;
    // The Name in the id matches case-sensitively, the value case-insensitively
    // (docs/graph-behaviour.md#extended-property-stamps).
    if (prop!.toLowerCase() === 'id') {
      const asked = str(value!);
      return op!.toLowerCase() === 'eq' ? (p) => sameId(p.id, asked) : (p) => !sameId(p.id, asked);
    }
    return (p) => compare(op!.toLowerCase(), p.value, str(value!), true);
  }
  m = new RegExp(`^(contains|startswith)\\(\\s*${a}/value\\s*,\\s*'((?:[^']|'')*)'\\s*\\)$`, 'i').exec(clause);
  if (m) {
    const [, fn, value] = m;
    return (p) => compare(fn!.toLowerCase(), p.value, str(value!), true);
  }
  throw unsupported(clause);
}

function clausePredicate(clause: string): Predicate {
  let c = clause.trim();
  while (c.startsWith('(') && c.endsWith(')')) c = c.slice(1, -1).trim();
  let m = /^singleValueExtendedProperties\/any\(\s*(\w+)\s*:\s*(.+)\)$/i.exec(c);
  if (m) {
    const conditions = splitAnd(m[2]!).map((x) => extendedCondition(m![1]!, x));
    return (e) => e.extendedProperties.some((p) => conditions.every((cond) => cond(p)));
  }
  m = /^categories\/any\(\s*(\w+)\s*:\s*\1\s+eq\s+'((?:[^']|'')*)'\s*\)$/i.exec(c);
  if (m) {
    const value = str(m[2]!).toLowerCase();
    return (e) => e.categories.some((x) => x.toLowerCase() === value);
  }
  m = /^(iCalUId|subject|transactionId|type)\s+(eq|ne)\s+'((?:[^']|'')*)'$/i.exec(c);
  if (m) {
    const prop = m[1]!.toLowerCase();
    const op = m[2]!.toLowerCase();
    const value = str(m[3]!);
    return (e) => {
      const actual =
        prop === 'icaluid'
          ? e.iCalUId
          : prop === 'subject'
            ? e.subject
            : prop === 'transactionid'
              ? (e.transactionId ?? '')
              : e.recurrence
                ? 'seriesMaster'
                : 'singleInstance';
      return compare(op, actual, value, prop === 'subject');
    };
  }
  m = /^(contains|startswith)\(\s*subject\s*,\s*'((?:[^']|'')*)'\s*\)$/i.exec(c);
  if (m) {
    const fn = m[1]!.toLowerCase();
    const value = str(m[2]!);
    return (e) => compare(fn, e.subject, value, true);
  }
  throw unsupported(clause);
}

/** The `$filter` forms a sync engine uses on /events: extended property any(), categories any(), iCalUId/subject/transactionId/type. */
export function parseEventFilter(filter: string | undefined): Predicate | undefined {
  if (!filter || !filter.trim()) return undefined;
  const predicates = splitAnd(filter).map(clausePredicate);
  return (e) => predicates.every((p) => p(e));
}
