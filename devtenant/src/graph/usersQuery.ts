import type { DirectoryUser } from '../directory/directory.js';
import { GraphError, graphErrors } from './graphError.js';
import { userPropertyValue } from './userResource.js';

type Predicate = (u: DirectoryUser) => boolean;

const STARTSWITH_PROPERTIES = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName'];
const EQ_PROPERTIES = [
  'mail',
  'userPrincipalName',
  'accountEnabled',
  'userType',
  'id',
  'displayName',
  'givenName',
  'surname',
];
const SEARCH_PROPERTIES = ['displayName', 'mail', 'userPrincipalName', 'givenName', 'surname'];

type Token = { kind: 'ident' | 'string' | 'punct'; value: string; pos: number };

function syntaxError(filter: string, pos: number): GraphError {
  return new GraphError(400, 'BadRequest', `Invalid filter clause: Syntax error at position ${pos} in '${filter}'.`);
}

function tokenize(filter: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < filter.length) {
    const c = filter[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === "'") {
      let value = '';
      let j = i + 1;
      for (;;) {
        if (j >= filter.length) throw syntaxError(filter, i);
        if (filter[j] === "'" && filter[j + 1] === "'") {
          value += "'";
          j += 2;
        } else if (filter[j] === "'") {
          break;
        } else {
          value += filter[j];
          j += 1;
        }
      }
      tokens.push({ kind: 'string', value, pos: i });
      i = j + 1;
    } else if ('(),'.includes(c)) {
      tokens.push({ kind: 'punct', value: c, pos: i });
      i += 1;
    } else {
      const m = /^[A-Za-z0-9_.$/@-]+/.exec(filter.slice(i));
      if (!m) throw syntaxError(filter, i);
      tokens.push({ kind: 'ident', value: m[0], pos: i });
      i += m[0].length;
    }
  }
  return tokens;
}

function canonicalProperty(name: string, allowed: string[]): string {
  const found = allowed.find((p) => p.toLowerCase() === name.toLowerCase());
  if (!found)
    throw graphErrors.unsupportedQuery(
      `Unsupported or invalid query filter clause specified for property '${name}' of resource 'User'.`,
    );
  return found;
}

/** Parses the `$filter` subset Graph supports on users without advanced queries. */
export function parseUserFilter(filter: string): Predicate {
  const tokens = tokenize(filter);
  let index = 0;
  const peek = () => tokens[index];
  const expect = (value: string) => {
    const t = tokens[index];
    if (!t || t.value !== value) throw syntaxError(filter, t?.pos ?? filter.length);
    index += 1;
  };
  const keyword = (word: string) => peek()?.kind === 'ident' && peek()!.value.toLowerCase() === word;

  const parseOr = (): Predicate => {
    let left = parseAnd();
    while (keyword('or')) {
      index += 1;
      const l = left,
        r = parseAnd();
      left = (u) => l(u) || r(u);
    }
    return left;
  };
  const parseAnd = (): Predicate => {
    let left = parsePrimary();
    while (keyword('and')) {
      index += 1;
      const l = left,
        r = parsePrimary();
      left = (u) => l(u) && r(u);
    }
    return left;
  };
  const parsePrimary = (): Predicate => {
    const t = peek();
    if (!t) throw syntaxError(filter, filter.length);
    if (t.value === '(') {
      index += 1;
      const inner = parseOr();
      expect(')');
      return inner;
    }
    if (t.kind !== 'ident') throw syntaxError(filter, t.pos);
    const next = tokens[index + 1];
    if (next?.value === '(') {
      const fn = t.value.toLowerCase();
      if (fn !== 'startswith') {
        throw graphErrors.unsupportedQuery(
          `Unsupported Query. The function '${t.value}' is not supported on users without ConsistencyLevel eventual; the local tenant supports startswith only.`,
        );
      }
      index += 2;
      const prop = tokens[index];
      if (!prop || prop.kind !== 'ident') throw syntaxError(filter, prop?.pos ?? filter.length);
      const name = canonicalProperty(prop.value, STARTSWITH_PROPERTIES);
      index += 1;
      expect(',');
      const value = tokens[index];
      if (!value || value.kind !== 'string') throw syntaxError(filter, value?.pos ?? filter.length);
      index += 1;
      expect(')');
      const prefix = value.value.toLowerCase();
      return (u) =>
        String(userPropertyValue(u, name) ?? '')
          .toLowerCase()
          .startsWith(prefix);
    }
    const name = t.value;
    index += 1;
    const op = peek();
    if (!op || op.kind !== 'ident') throw syntaxError(filter, op?.pos ?? filter.length);
    if (op.value.toLowerCase() !== 'eq') {
      throw graphErrors.unsupportedQuery(
        `Unsupported Query. The operator '${op.value}' is not supported on users by the local tenant; use eq or startswith.`,
      );
    }
    const property = canonicalProperty(name, EQ_PROPERTIES);
    index += 1;
    const value = peek();
    if (!value) throw syntaxError(filter, filter.length);
    index += 1;
    if (value.kind === 'string') {
      const wanted = value.value.toLowerCase();
      return (u) => String(userPropertyValue(u, property) ?? '').toLowerCase() === wanted;
    }
    const literal = value.value.toLowerCase();
    if (literal === 'true' || literal === 'false')
      return (u) => userPropertyValue(u, property) === (literal === 'true');
    if (literal === 'null') return (u) => userPropertyValue(u, property) === null;
    throw syntaxError(filter, value.pos);
  };

  const predicate = parseOr();
  if (index < tokens.length) throw syntaxError(filter, tokens[index]!.pos);
  return predicate;
}

/** Parses `$search="displayName:x" AND "mail:y"` (tokenised prefix match, like the directory search). */
export function parseUserSearch(search: string): Predicate {
  const clauses = search.trim().split(/\s+(AND|OR)\s+/);
  const predicates: Predicate[] = [];
  const operators: string[] = [];
  clauses.forEach((clause, i) => {
    if (i % 2 === 1) {
      operators.push(clause);
      return;
    }
    const m = /^"([^":]+):([^"]*)"$/.exec(clause.trim());
    if (!m)
      throw graphErrors.badRequest(
        `Syntax error: the $search clause ${clause} must look like "property:value", in double quotes.`,
      );
    const property = SEARCH_PROPERTIES.find((p) => p.toLowerCase() === m[1]!.toLowerCase());
    if (!property) throw graphErrors.unsupportedQuery(`Unsupported property '${m[1]}' for $search on users.`);
    const term = m[2]!.toLowerCase();
    predicates.push((u) => {
      const value = String(userPropertyValue(u, property) ?? '').toLowerCase();
      return value.startsWith(term) || value.split(/[\s.@_-]+/).some((word) => word.startsWith(term));
    });
  });
  return (u) => {
    let result = predicates[0]!(u);
    operators.forEach((op, i) => {
      result = op === 'AND' ? result && predicates[i + 1]!(u) : result || predicates[i + 1]!(u);
    });
    return result;
  };
}
