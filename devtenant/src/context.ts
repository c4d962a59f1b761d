import type { Directory } from './directory/directory.js';
import type { SigningKey } from './identity/signingKey.js';
import type { DevTenantKnobs } from './knobs.js';
import type { ConsentStore } from './state/consentStore.js';
import type { MailboxStore } from './state/mailboxStore.js';
import type { CalendarStore } from './state/calendarStore.js';
import type { CalendarService } from './calendar/calendarService.js';
import type { ContactStore } from './state/contactStore.js';
import type { ContactService } from './contacts/contactService.js';
import type { DeltaSyncStore } from './calendar/deltaSync.js';
import type { SubscriptionService } from './subscriptions/subscriptionService.js';
import type { RequestCounter } from './graph/middleware/requestCounter.js';
import type { RequestBudget } from './graph/middleware/requestBudget.js';
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
  calendars: CalendarStore;
  /** Every calendar write goes through here (Graph, $batch, web view). */
  calendar: CalendarService;
  contacts: ContactStore;
  /** Every contact write goes through here (Graph, $batch, web view). */
  contact: ContactService;
  /** Delta tokens of calendarView/delta, contacts/delta and messages/delta. */
  delta: DeltaSyncStore;
  subscriptions: SubscriptionService;
  requestCounts: RequestCounter;
  /** Requests per app + mailbox in the rolling window of the `requestBudget` knob. */
  requestBudget: RequestBudget;
  /** PEM of the local CA: trusted for webhook deliveries and $batch's loopback requests. */
  caCertPem?: string;
  /** PEM of the server's own certificate: without a CA, webhooks presenting exactly this certificate are trusted. */
  tlsCertPem?: string;
  knobs: DevTenantKnobs;
  signingKey: SigningKey;
  tokens: TokenIssuer;
  grants: GrantStore;
  sessions: SessionStore;
  interactions: InteractionStore;
}
