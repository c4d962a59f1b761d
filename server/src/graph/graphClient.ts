import { Client, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import type { OutboundFetch } from '../auth/outboundFetch.js';

/** Supplies a Graph access token for one caller: a user (on-behalf-of) or the app in a tenant. */
export type GraphTokenSource = () => Promise<string>;

/**
 * A Graph client whose first token is fetched before any request, so that a failure to get one (consent
 * missing, tenant not installed) reaches the caller as itself: the Graph SDK would wrap it into a GraphError
 * with status -1 and drop the cause. Later requests ask the source again (msal serves them from its cache).
 */
export async function connectGraph(
  graphBaseUrl: string,
  fetch: OutboundFetch,
  token: GraphTokenSource,
): Promise<Client> {
  const first = await token();
  let used = false;
  return createGraphClient(graphBaseUrl, fetch, async () => {
    if (used) return token();
    used = true;
    return first;
  });
}

/**
 * A Microsoft Graph client for the configured Graph endpoint (graph.microsoft.com or the local tenant).
 * Requests go through the service's outbound fetch so the configured CAs are trusted.
 */
export function createGraphClient(graphBaseUrl: string, fetch: OutboundFetch, token: GraphTokenSource): Client {
  const url = new URL(graphBaseUrl);
  const version = url.pathname.replace(/^\/+|\/+$/g, '');
  return Client.initWithMiddleware({
    baseUrl: url.origin,
    defaultVersion: version,
    customHosts: new Set([url.hostname]),
    middleware: chain(new BearerToken(token), new FetchTransport(fetch)),
  });
}

function chain(...middleware: Middleware[]): Middleware {
  middleware.forEach((current, index) => {
    const next = middleware[index + 1];
    if (next && current.setNext) current.setNext(next);
  });
  return middleware[0]!;
}

class BearerToken implements Middleware {
  private next: Middleware | undefined;
  constructor(private readonly token: GraphTokenSource) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const options = (context.options ??= {});
    const existing =
      options.headers instanceof Headers
        ? Object.fromEntries(options.headers.entries())
        : (options.headers as Record<string, string> | undefined);
    options.headers = { ...existing, Authorization: `Bearer ${await this.token()}` };
    await this.next!.execute(context);
  }
}

class FetchTransport implements Middleware {
  constructor(private readonly fetch: OutboundFetch) {}
  async execute(context: Context): Promise<void> {
    const request: unknown = context.request;
    const url = typeof request === 'string' ? request : (request as { url: string }).url;
    context.response = await this.fetch(url, context.options);
  }
}
