import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';

export type OutboundFetch = (url: string, init?: RequestInit) => Promise<Response>;

/**
 * The one HTTP client for calls to the identity platform and Graph. A configured extra CA (the local tenant's,
 * in local mode) is trusted in addition to the public roots; without one this is plain fetch.
 */
export function createOutboundFetch(extraCaCertsFile: string | undefined): OutboundFetch {
  const dispatcher = extraCaCertsFile
    ? new Agent({ connect: { ca: [...rootCertificates, readFileSync(extraCaCertsFile, 'utf8')] } })
    : new Agent();
  return async (url, init) => await undiciFetch(url, { ...(init as object), dispatcher });
}
