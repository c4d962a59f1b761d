import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createDevTenantApp } from './app.js';
import type { DevTenantContext } from './context.js';
import type { AppRegistration } from './directory/appRegistration.js';
import { Directory } from './directory/directory.js';
import { GrantStore } from './identity/grantStore.js';
import { InteractionStore } from './identity/interactionStore.js';
import { SessionStore } from './identity/sessionStore.js';
import { loadSigningKey } from './identity/signingKey.js';
import { TokenIssuer } from './identity/tokenIssuer.js';
import { DevTenantKnobs } from './knobs.js';
import { DEFAULT_DEV_PASSWORD, SEED_TENANTS } from './seed/seedTenants.js';
import { withGeneratedUsers } from './seed/generatedUsers.js';
import { seedMessages, type SeedMessage } from './seed/seedMessages.js';
import { ConsentStore } from './state/consentStore.js';
import { MailboxStore } from './state/mailboxStore.js';
import { StateFile } from './state/stateFile.js';
import { CalendarStore } from './state/calendarStore.js';
import { CalendarService } from './calendar/calendarService.js';
import { DeltaSyncStore } from './calendar/deltaSync.js';
import { ContactStore } from './state/contactStore.js';
import { ContactService } from './contacts/contactService.js';
import { SubscriptionService, type LifecycleEvent } from './subscriptions/subscriptionService.js';
import { RequestCounter } from './graph/middleware/requestCounter.js';
import { RequestBudget } from './graph/middleware/requestBudget.js';

export interface DevTenantOptions {
  /** 0 = an ephemeral port. */
  port: number;
  /**
   * The interface to listen on; loopback ("localhost") unless given: the inspection API shows every mailbox's mail
   * (invitation links included) and turns knobs, so nobody else on the network may reach it by default.
   */
  host?: string;
  /** `ca`: the local CA's PEM, trusted when POSTing to webhooks (and for $batch loopback requests). */
  tls: { cert: string; key: string; ca?: string };
  /** Default: process.env.DEVTENANT_PASSWORD ?? DEFAULT_DEV_PASSWORD. */
  password?: string;
  apps: AppRegistration[];
  /** Persists consents and mailboxes as JSON (atomic writes); absent = memory only. */
  stateFile?: string;
  /** Persists the RSA signing key ({ keyPem, certPem }); absent = a new key per start. */
  signingKeyFile?: string;
  latencyMs?: number;
  /** Adds this many generated users (person0001@<domain>, …) to each seeded tenant; default none. */
  generatedUsersPerTenant?: number;
}

export interface RunningDevTenant {
  /** https://localhost:<port> */
  url: string;
  port: number;
  password: string;
  /** Adds or replaces an app registration by client id. */
  registerApp(app: AppRegistration): void;
  knobs: DevTenantKnobs;
  /** Invalidates every delta token (calendarView, contacts, messages) of one mailbox (by UPN) or of all; returns how many. */
  expireDeltaTokens(upn?: string): number;
  /**
   * Places messages straight into a mailbox (by UPN) with chosen received times, saved once, no notifications;
   * returns their ids (seed/seedMessages.ts).
   */
  seedMessages(upn: string, messages: SeedMessage[]): string[];
  /** Graph requests served, per mailbox and method (resettable). */
  requestCounts: RequestCounter;
  /** Sends a lifecycle notification for a subscription (subscriptionRemoved also removes it). */
  sendLifecycleNotification(subscriptionId: string, event: LifecycleEvent): void;
  close(): Promise<void>;
}

/** Starts the local tenant over HTTPS. */
export async function startDevTenant(options: DevTenantOptions): Promise<RunningDevTenant> {
  const stateFile = new StateFile(options.stateFile);
  const state = stateFile.load();
  const persist = () => stateFile.save(state);
  const signingKey = await loadSigningKey(options.signingKeyFile);
  const knobs = new DevTenantKnobs();
  if (options.latencyMs !== undefined) knobs.latencyMs = options.latencyMs;
  const directory = new Directory(withGeneratedUsers(SEED_TENANTS, options.generatedUsersPerTenant ?? 0), options.apps);
  const mailboxes = new MailboxStore(state.mailboxes, state.externalMail, persist);
  const ctx: DevTenantContext = {
    baseUrl: '',
    password: options.password ?? process.env.DEVTENANT_PASSWORD ?? DEFAULT_DEV_PASSWORD,
    directory,
    consents: new ConsentStore(state.consents, persist),
    mailboxes,
    calendars: new CalendarStore(mailboxes),
    calendar: undefined as unknown as CalendarService,
    contacts: new ContactStore(mailboxes),
    contact: undefined as unknown as ContactService,
    delta: new DeltaSyncStore(knobs),
    subscriptions: undefined as unknown as SubscriptionService,
    requestCounts: new RequestCounter(),
    requestBudget: new RequestBudget(() => knobs.requestBudget),
    ...(options.tls.ca ? { caCertPem: options.tls.ca } : {}),
    tlsCertPem: options.tls.cert,
    knobs,
    signingKey,
    tokens: new TokenIssuer(signingKey),
    grants: new GrantStore(),
    sessions: new SessionStore(),
    interactions: new InteractionStore(),
  };
  ctx.calendar = new CalendarService(ctx);
  ctx.contact = new ContactService(ctx);
  knobs.expireDeltaTokens = (upn) => {
    const user = upn === '*' ? undefined : directory.userByUpn(upn);
    if (upn !== '*' && !user) return;
    ctx.delta.expire(user?.id);
  };
  ctx.subscriptions = new SubscriptionService(ctx);
  const server = createServer({ cert: options.tls.cert, key: options.tls.key }, createDevTenantApp(ctx));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? 'localhost', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  // Always "localhost": the certificate names it, and MSAL checks the issuer's host against the authority's.
  ctx.baseUrl = `https://localhost:${port}`;
  return {
    url: ctx.baseUrl,
    port,
    password: ctx.password,
    registerApp: (app) => directory.registerApp(app),
    knobs,
    expireDeltaTokens: (upn?: string) => {
      const user = upn ? directory.userByUpn(upn) : undefined;
      if (upn && !user) throw new Error(`No local mailbox ${upn}.`);
      return ctx.delta.expire(user?.id);
    },
    seedMessages: (upn, messages) => seedMessages(ctx, upn, messages),
    requestCounts: ctx.requestCounts,
    sendLifecycleNotification: (id, event) => {
      ctx.subscriptions.lifecycle(id, event);
    },
    close: async () => {
      ctx.subscriptions.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
