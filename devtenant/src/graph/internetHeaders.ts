import { extendedCondition, splitAnd } from '../calendar/eventFilter.js';
import type { StoredMessage } from '../state/mailboxStore.js';
import { GraphError } from './graphError.js';

/** The MAPI property set of custom internet headers: each `x-` header of a message is a named property in it. */
export const PS_INTERNET_HEADERS = '{00020386-0000-0000-C000-000000000046}';

/** The MAPI property set of add-in custom properties and other public named properties ([MS-OXCEXT] 2.2.5). */
export const PS_PUBLIC_STRINGS = '{00020329-0000-0000-C000-000000000046}';

/**
 * Whether two extended property ids name the same property: the type, the GUID and a property tag or numeric id in any
 * case; the name of a named property exactly, except in PS_INTERNET_HEADERS, whose names Exchange keeps lower-cased
 * (docs/graph-behaviour.md#extended-property-stamps, #custom-internet-headers).
 */
export function sameExtendedPropertyId(stored: string, asked: string): boolean {
  const a = NAMED_ID.exec(stored.trim());
  const b = NAMED_ID.exec(asked.trim());
  if (!a || !b) return !a && !b && tagged(stored) === tagged(asked);
  const [, typeA, setA, nameA] = a;
  const [, typeB, setB, nameB] = b;
  if (typeA!.toLowerCase() !== typeB!.toLowerCase() || setA!.toLowerCase() !== setB!.toLowerCase()) return false;
  if (setA!.toLowerCase() === PS_INTERNET_HEADERS.toLowerCase()) return nameA!.toLowerCase() === nameB!.toLowerCase();
  return nameA === nameB;
}

const NAMED_ID = /^(\w+)\s+(\{[0-9a-f-]+\})\s+Name\s+(\S.*)$/i;
/** An id without a name (`Integer {guid} Id 0x8012`, `String 0x4001001E`) in one spelling: it holds no case. */
const tagged = (id: string) => id.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The single-value extended properties of a message as Graph finds them: those set on the item (only the sender's
 * copy in Sent Items has any) and, on a received copy only, each custom header as a PS_INTERNET_HEADERS property. The
 * copy in Sent Items was never received and has no internet headers (docs/graph-behaviour.md#custom-internet-headers).
 */
function messageProperties(m: StoredMessage): { id: string; value: string }[] {
  // A header name given twice keeps its last value.
  const headers = new Map(
    m.folder === 'sentitems' ? [] : (m.internetMessageHeaders ?? []).map((h) => [h.name.toLowerCase(), h.value]),
  );
  return [
    ...(m.extendedProperties ?? []),
    ...[...headers].map(([name, value]) => ({ id: `String ${PS_INTERNET_HEADERS} Name ${name}`, value })),
  ];
}

/** The value of the extended property `id` on a message, if it has it. */
export function extendedPropertyValue(m: StoredMessage, id: string): string | undefined {
  return messageProperties(m).find((p) => sameExtendedPropertyId(p.id, id))?.value;
}

function unsupported(filter: string): GraphError {
  return new GraphError(
    400,
    'ErrorInvalidUrlQueryFilter',
    `The query filter contains one or more invalid nodes. (${filter})`,
  );
}

/**
 * `$filter` on a message list: `singleValueExtendedProperties/Any(ep: ep/id eq '<id>' and ep/value eq '<value>')`
 * over the message's extended properties (the value in any case, as for events and contacts),
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
    const conditions = splitAnd(m[2]!).map((x) => extendedCondition(m[1]!, x, sameExtendedPropertyId));
    return (message: StoredMessage) => messageProperties(message).some((p) => conditions.every((cond) => cond(p)));
  });
  return (message) => predicates.every((p) => p(message));
}
