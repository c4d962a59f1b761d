import type { AppRegistration } from '../directory/appRegistration.js';
import type { Directory } from '../directory/directory.js';
import { EntraError, entraErrors } from './entraError.js';
import { canonicalGraphPermission, GRAPH_APP_ID, GRAPH_RESOURCE, OIDC_SCOPES } from './graphPermissions.js';

export type TokenResource = { kind: 'graph' } | { kind: 'api'; app: AppRegistration };

/** A `scope` parameter understood: OIDC scopes, and the scopes of at most one resource. */
export interface ParsedScopes {
  oidc: string[];
  resource: TokenResource;
  /** Permission names without the resource prefix: 'User.Read', 'access_as_user', or '.default'. */
  names: string[];
  /** The resource scopes exactly as requested (the token response echoes them back this way). */
  requested: string[];
  /** True when only OIDC scopes were asked for: Entra then issues a Graph token for User.Read. */
  implicitGraph: boolean;
}

interface ScopeItem {
  resource: TokenResource;
  resourceKey: string;
  name: string;
  raw: string;
}

function splitScope(scope: string | undefined): string[] {
  return (scope ?? '').split(/\s+/).filter((s) => s.length > 0);
}

function graphItem(name: string, raw: string): ScopeItem {
  if (name === '.default') return { resource: { kind: 'graph' }, resourceKey: 'graph', name, raw };
  const canonical = canonicalGraphPermission(name);
  if (!canonical) {
    throw new EntraError(
      400,
      'invalid_scope',
      650053,
      `The application asked for scope '${name}' that doesn't exist on the resource '${GRAPH_APP_ID}'. Contact the app vendor.`,
    );
  }
  return { resource: { kind: 'graph' }, resourceKey: 'graph', name: canonical, raw };
}

function apiItem(directory: Directory, raw: string): ScopeItem | undefined {
  for (const app of directory.allApps()) {
    const prefixes = [app.applicationIdUri, app.clientId, `api://${app.clientId}`].map(
      (p) => p.replace(/\/$/, '').toLowerCase() + '/',
    );
    const prefix = prefixes.find((p) => raw.toLowerCase().startsWith(p));
    if (!prefix) continue;
    const name = raw.slice(prefix.length);
    if (name !== '.default' && !app.exposedScopes.includes(name)) throw entraErrors.invalidScope(raw);
    return { resource: { kind: 'api', app }, resourceKey: `api:${app.clientId}`, name, raw };
  }
  return undefined;
}

function classify(directory: Directory, raw: string, tenantName: string): ScopeItem | 'oidc' {
  if ((OIDC_SCOPES as readonly string[]).includes(raw.toLowerCase())) return 'oidc';
  const lower = raw.toLowerCase();
  for (const prefix of [`${GRAPH_RESOURCE}/`, `${GRAPH_APP_ID}/`, 'https://graph.microsoft.com//']) {
    if (lower.startsWith(prefix)) return graphItem(raw.slice(prefix.length), raw);
  }
  if (!raw.includes('/') && !raw.includes(':')) return graphItem(raw, raw);
  const api = apiItem(directory, raw);
  if (api) return api;
  const resource = raw.includes('/') ? raw.slice(0, raw.lastIndexOf('/')) : raw;
  throw entraErrors.resourceNotFound(resource, tenantName);
}

/**
 * Parses a `scope` parameter. Tokens are per resource, so more than one resource is an error at the token
 * endpoint; the authorize endpoint passes `allowManyResources` because consent may cover several.
 */
export function parseScopes(
  directory: Directory,
  scope: string | undefined,
  tenantName: string,
  allowManyResources = false,
): ParsedScopes {
  const oidc: string[] = [];
  const items: ScopeItem[] = [];
  for (const raw of splitScope(scope)) {
    const item = classify(directory, raw, tenantName);
    if (item === 'oidc') {
      if (!oidc.includes(raw.toLowerCase())) oidc.push(raw.toLowerCase());
    } else items.push(item);
  }
  const keys = new Set(items.map((i) => i.resourceKey));
  if (keys.size > 1 && !allowManyResources) throw entraErrors.multipleResources(splitScope(scope).join(' '));
  const first = items[0];
  if (!first) {
    return { oidc, resource: { kind: 'graph' }, names: ['User.Read'], requested: [], implicitGraph: true };
  }
  const sameResource = items.filter((i) => i.resourceKey === first.resourceKey);
  return {
    oidc,
    resource: first.resource,
    names: [...new Set(sameResource.map((i) => i.name))],
    requested: sameResource.map((i) => i.raw),
    implicitGraph: false,
  };
}

/** All Graph permission names in a scope string (any form), for consent checks at authorize time. */
export function graphNamesIn(directory: Directory, scope: string | undefined, tenantName: string): string[] {
  const names: string[] = [];
  for (const raw of splitScope(scope)) {
    const item = classify(directory, raw, tenantName);
    if (item !== 'oidc' && item.resource.kind === 'graph') names.push(item.name);
  }
  return names;
}
