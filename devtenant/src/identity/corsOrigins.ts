import type { Directory } from '../directory/directory.js';

/** Origins of all registered SPA redirect URIs: the only origins the token endpoint answers CORS for. */
export function spaOrigins(directory: Directory): Set<string> {
  const origins = new Set<string>();
  for (const app of directory.allApps()) {
    for (const uri of app.spaRedirectUris) {
      try {
        const origin = new URL(uri).origin;
        // Custom schemes (e.g. brk-multihub://) have the opaque origin 'null', which must never be allowed.
        if (origin !== 'null') origins.add(origin);
      } catch {
        // An unparsable redirect URI simply grants no origin.
      }
    }
  }
  return origins;
}
