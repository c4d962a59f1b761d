import type { OutboundFetch } from '../auth/outboundFetch.js';
import { GraphError } from './graphError.js';

/** Supplies a Graph access token for one caller: a user (on-behalf-of) or the app in a tenant. */
export type GraphTokenSource = () => Promise<string>;

export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface GraphCall {
  method: GraphMethod;
  /** A path under the Graph version (`/users/…?$select=…`, query encoded by the caller) or a link Graph returned. */
  path: string;
  /** Sent as JSON, or as given when it is a string (then name its Content-Type in `headers`). */
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * The one way the service talks to Microsoft Graph (graph.microsoft.com or the local tenant): bearer token, JSON,
 * and every answer that is not a success thrown as a GraphError. Links Graph returns (`@odata.nextLink`,
 * `@odata.deltaLink`) are requested exactly as given, and only on Graph's own origin, so the token never leaves it.
 * Requests go through the service's outbound fetch, so the configured CAs are trusted.
 */
export class GraphTransport {
  private readonly base: string;
  private readonly origin: string;

  constructor(
    graphBaseUrl: string,
    private readonly fetch: OutboundFetch,
    private readonly token: GraphTokenSource,
  ) {
    const url = new URL(graphBaseUrl);
    this.base = url.href.replace(/\/+$/, '');
    this.origin = url.origin;
  }

  async get<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
    return (await this.send({ method: 'GET', path, headers })) as T;
  }

  /** The answer's body (undefined when empty); throws GraphError for any status outside 2xx. */
  async send(call: GraphCall): Promise<unknown> {
    const url = this.resolve(call.path);
    const headers: Record<string, string> = { ...call.headers, Authorization: `Bearer ${await this.token()}` };
    let body: string | undefined;
    if (typeof call.body === 'string') body = call.body;
    else if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const request = `${call.method} ${call.path}`;
    let response: Response;
    let text: string;
    try {
      response = await this.fetch(url, { method: call.method, headers, ...(body === undefined ? {} : { body }) });
      text = await response.text();
    } catch (error) {
      throw GraphError.noAnswer(request, error);
    }
    const parsed = text ? parseJson(text) : undefined;
    if (response.ok) return parsed;
    throw GraphError.fromAnswer(request, {
      status: response.status,
      body: parsed,
      header: (name) => response.headers.get(name) ?? undefined,
    });
  }

  private resolve(path: string): string {
    if (!/^https?:\/\//i.test(path)) return `${this.base}${path.startsWith('/') ? '' : '/'}${path}`;
    const origin = new URL(path).origin;
    if (origin !== this.origin) throw new Error(`not a Graph link: ${origin}`);
    return path;
  }
}

/**
 * A transport whose first token is fetched before it is returned, so that a caller without a token (consent
 * missing, tenant not installed) fails at once, before any request or mailbox slot. Later requests ask the source
 * again (msal serves them from its cache).
 */
export async function connectGraph(
  graphBaseUrl: string,
  fetch: OutboundFetch,
  token: GraphTokenSource,
): Promise<GraphTransport> {
  const first = await token();
  let used = false;
  return new GraphTransport(graphBaseUrl, fetch, async () => {
    if (used) return token();
    used = true;
    return first;
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
