import {
  AuthError,
  ConfidentialClientApplication,
  LogLevel,
  type INetworkModule,
  type NetworkRequestOptions,
} from '@azure/msal-node';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { MicrosoftIdentity } from '../crm/identity.js';
import { AppError } from '../errors.js';
import type { OutboundFetch } from './outboundFetch.js';

export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';

/** Tokens for Microsoft Graph: on the signed-in user's behalf (on-behalf-of) or as the app in a tenant (client credentials). */
export interface MicrosoftTokens {
  onBehalfOf(identity: MicrosoftIdentity, scopes: string[]): Promise<string>;
  appOnly(tenantId: string): Promise<string>;
}

/** msal-node pointed at the configured authority (Entra ID or the local tenant); msal caches and refreshes tokens. */
export function createMicrosoftTokens(config: Config, fetch: OutboundFetch, logger: Logger): MicrosoftTokens {
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      authority: `${config.authorityHost}/organizations`,
      knownAuthorities: [new URL(config.authorityHost).host],
    },
    system: {
      networkClient: networkClientOver(fetch),
      loggerOptions: {
        // Warnings include routine notes (no client_info on app-only tokens); errors reach us as thrown errors anyway.
        logLevel: LogLevel.Error,
        piiLoggingEnabled: false,
        loggerCallback: (_level, message) => logger.warn({ msal: message }, 'msal'),
      },
    },
  });

  return {
    async onBehalfOf(identity, scopes) {
      try {
        const result = await msal.acquireTokenOnBehalfOf({
          oboAssertion: identity.accessToken,
          scopes,
          authority: `${config.authorityHost}/${identity.tenantId}`,
        });
        if (!result) throw new AppError('graph_unavailable', 'on-behalf-of returned no token');
        return result.accessToken;
      } catch (error) {
        throw translate(error);
      }
    },
    async appOnly(tenantId) {
      try {
        const result = await msal.acquireTokenByClientCredential({
          scopes: [GRAPH_DEFAULT_SCOPE],
          authority: `${config.authorityHost}/${tenantId}`,
        });
        if (!result) throw new AppError('graph_unavailable', 'client credentials returned no token');
        return result.accessToken;
      } catch (error) {
        throw translate(error);
      }
    },
  };
}

/** Entra's answers that mean "an administrator must consent first" versus everything else. */
function translate(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof AuthError) {
    if (
      error.subError === 'consent_required' ||
      /AADSTS65001\b/.test(error.errorMessage) ||
      error.errorCode === 'consent_required'
    ) {
      return new AppError('consent_required', error.errorCode);
    }
    if (error.errorCode === 'unauthorized_client' || /AADSTS700016\b/.test(error.errorMessage)) {
      return new AppError('not_installed', error.errorCode);
    }
    return new AppError('graph_unavailable', `${error.errorCode}: ${error.errorMessage}`);
  }
  return new AppError('graph_unavailable', String(error));
}

function networkClientOver(fetch: OutboundFetch): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions) => {
    const response = await fetch(url, {
      method,
      headers: options?.headers ?? {},
      ...(options?.body !== undefined ? { body: options.body } : {}),
    });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name.toLowerCase()] = value;
    });
    const text = await response.text();
    return { status: response.status, headers, body: (text ? JSON.parse(text) : {}) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
