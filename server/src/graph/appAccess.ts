import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { OutboundFetch } from '../auth/outboundFetch.js';
import { AppError } from '../errors.js';
import { connectGraph } from './graphClient.js';
import { graphFailureOf } from './graphErrors.js';

/** Proves that the app may act in a tenant on its own (admin consent granted), by one app-only Graph call. */
export type AppAccessProbe = (tenantId: string) => Promise<void>;

export function createAppAccessProbe(
  graphBaseUrl: string,
  fetch: OutboundFetch,
  tokens: MicrosoftTokens,
): AppAccessProbe {
  return async (tenantId) => {
    try {
      const client = await connectGraph(graphBaseUrl, fetch, () => tokens.appOnly(tenantId));
      await client.api('/users').select(['id']).top(1).get();
    } catch (error) {
      if (error instanceof AppError) throw error;
      const failure = graphFailureOf(error);
      if (failure?.kind === 'consent_missing') throw new AppError('install_not_confirmed', failure.code);
      throw new AppError('graph_unavailable', failure ? `${failure.status} ${failure.code}` : String(error));
    }
  };
}
