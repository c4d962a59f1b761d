import { extendedCondition, splitAnd } from '../calendar/eventFilter.js';
import type { StoredMessage } from '../state/mailboxStore.js';
import { GraphError } from './graphError.js';

/** The MAPI property set of custom internet headers: each `x-` header of a message is a named property in it. */
export const PS_INTERNET_HEADERS = '{00020386-0000-0000-C000-000000000046}';

/**
 * The header name a single-value extended property id names, when the id is a string property in
 * PS_INTERNET_HEADERS (`String {00020386-0000-0000-C000-000000000046} Name x-crm-filing`), lower-cased: Exchange keeps
 * the names of that set in lower case, so they match in any case (docs/graph-behaviour.md#custom-internet-headers).
 * The type and the GUID match in any case too.
 */
export function internetHeaderName(id: string): string | undefined {
  const m = /^\s*String\s+(\{[0-9a-f-]+\})\s+Name\s+(\S.*?)\s*$/i.exec(id);
  if (!m || m[1]!.toLowerCase() !== PS_INTERNET_HEADERS.toLowerCase()) return undefined;
  return m[2]!.toLowerCase();
}

/** A message's custom headers as the extended properties Graph exposes them as; a name given twice keeps its last value. */
function headerProperties(m: StoredMessage): Map<string, string> {
  return new Map((m.internetMessageHeaders ?? []).map((h) => [h.name.toLowerCase(), h.value]));
}

/** The value of the extended property `id` on a message, if it has it (only PS_INTERNET_HEADERS ids can match). */
export function extendedPropertyValue(m: StoredMessage, id: string): string | undefined {
  const name = internetHeaderName(id);
  return name === undefined ? undefined : headerProperties(m).get(name);
}

function unsupported(filter: string): GraphError {
  return new GraphError(
    400,
    'ErrorInvalidUrlQueryFilter',
    `The query filter contains one or more invalid nodes. (${filter})`,
  );
}

/**
 * `$filter` on a message list: `singleValueExtendedProperties/Any(ep: ep/id eq '<id>' and ep/value eq '<value>')`,
 * joined with `and` if there are several. The local tenant plays no other message filter and refuses it, rather
 * than answering with every message as if it had been applied.
 */
export function parseMessageFilter(filter: string | undefined): ((m: StoredMessage) => boolean) | undefined {
  if (filter === undefined || !filter.trim()) return undefined;
  const predicates = splitAnd(filter).map((clause) => {
    let c = clause.trim();
    while (c.startsWith('(') && c.endsWith(')')) c = c.slice(1, -1).trim();
    const m = /^singleValueExtendedProperties\/any\(\s*(\w+)\s*:\s*(.+)\)$/i.exec(c);
    if (!m) throw unsupported(c);
    const conditions = splitAnd(m[2]!).map((x) =>
      extendedCondition(m[1]!, x, (stored, asked) => internetHeaderName(asked) === stored),
    );
    return (message: StoredMessage) =>
      [...headerProperties(message)].some(([name, value]) => conditions.every((cond) => cond({ id: name, value })));
  });
  return (message) => predicates.every((p) => p(message));
}
