// Graph items are plain JSON; deeper nesting than this is not a real item and is left as it is.
const MAX_DEPTH = 12;
// UTF-16 halves without their other half: no UTF-8 store can hold them.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as the CRM can store it: NUL (which PostgreSQL text cannot hold) removed, lone surrogates as U+FFFD. */
export function storableText(text: string): string {
  return text.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * A copy of a Graph item with every string storable, and whether anything had to change. Graph accepts NUL and
 * lone surrogates in any text; one such item must not stop a user's sync.
 */
export function storableItem<T>(item: T): { item: T; cleaned: boolean } {
  let cleaned = false;
  const visit = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') {
      const storable = storableText(value);
      if (storable !== value) cleaned = true;
      return storable;
    }
    if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map((entry) => visit(entry, depth + 1));
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [storableText(key), visit(entry, depth + 1)]),
    );
  };
  const copy = visit(item, 0) as T;
  return { item: copy, cleaned };
}
