import type { Directory } from './directory/directory.js';
import type { SigningKey } from './identity/signingKey.js';
import type { DevTenantKnobs } from './knobs.js';
import type { ConsentStore } from './state/consentStore.js';
import type { MailboxStore } from './state/mailboxStore.js';
import type { GrantStore } from './identity/grantStore.js';
import type { SessionStore } from './identity/sessionStore.js';
import type { InteractionStore } from './identity/interactionStore.js';
import type { TokenIssuer } from './identity/tokenIssuer.js';

/** What every route of the local tenant shares. `baseUrl` is known only once the server listens. */
export interface DevTenantContext {
  baseUrl: string;
  password: string;
  directory: Directory;
  consents: ConsentStore;
  mailboxes: MailboxStore;
  knobs: DevTenantKnobs;
  signingKey: SigningKey;
  tokens: TokenIssuer;
  grants: GrantStore;
  sessions: SessionStore;
  interactions: InteractionStore;
}
