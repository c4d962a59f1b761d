import type { GraphTransport } from './graphTransport.js';

/** One page of a Graph collection or delta round. */
export interface Page<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/**
 * Follows `@odata.nextLink` to the end (pages may be empty); the link is requested as given, never parsed, with the
 * first request's headers on every page (`ConsistencyLevel` for `$search`), as the Graph SDK's page iterator sends them.
 */
export async function getAllPages<T>(
  graph: GraphTransport,
  path: string,
  headers: Record<string, string> = {},
): Promise<T[]> {
  const items: T[] = [];
  let page = await graph.get<Page<T>>(path, headers);
  items.push(...page.value);
  while (page['@odata.nextLink']) {
    page = await graph.get<Page<T>>(page['@odata.nextLink'], headers);
    items.push(...page.value);
  }
  return items;
}
