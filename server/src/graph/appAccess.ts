import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { OutboundFetch } from '../auth/outboundFetch.js';
import { AppError } from '../errors.js';
import { GraphError } from './graphError.js';
import { connectGraph } from './graphTransport.js';

/** Proves that the app may act in a tenant on its own (admin consent granted), by one app-only Graph call. */
export type AppAccessProbe = (tenantId: string) => Promise<void>;

export function createAppAccessProbe(
  graphBaseUrl: string,
  fetch: OutboundFetch,
  tokens: MicrosoftTokens,
): AppAccessProbe {
  return async (tenantId) => {
    try {
      const graph = await connectGraph(graphBaseUrl, fetch, () => tokens.appOnly(tenantId));
      await graph.get('/users?$select=id&$top=1');
    } catch (error) {
      if (error instanceof AppError) throw error;
      if (error instanceof GraphError && error.kind === 'consent_missing')
        throw new AppError('install_not_confirmed', error.code);
      throw new AppError(
        'graph_unavailable',
        error instanceof GraphError ? `${error.status} ${error.code}` : String(error),
      );
    }
  };
}
