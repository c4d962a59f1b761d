import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { OutboundFetch } from '../auth/outboundFetch.js';
import { connectGraph } from '../graph/graphTransport.js';
import { MailboxGraph } from '../graph/mailboxGraph.js';
import type { JobQueue } from '../jobs/jobQueue.js';
import type { MailboxLimiter } from '../jobs/mailboxLimiter.js';
import type { Database, SyncKind } from '../store/schema.js';
import {
  CALENDAR_SHAPE,
  CONTACTS_SHAPE,
  ContainerGraph,
  MAIL_SHAPE,
  type ContainerShape,
} from './engine/containerGraph.js';

const SHAPES: Record<SyncKind, ContainerShape> = {
  calendar: CALENDAR_SHAPE,
  contacts: CONTACTS_SHAPE,
  mail: MAIL_SHAPE,
};

/** What the sync engine needs; built once in service.ts and in the worker. */
export interface SyncDependencies {
  db: Kysely<Database>;
  logger: Logger;
  tokens: MicrosoftTokens;
  fetch: OutboundFetch;
  limiter: MailboxLimiter;
  queue: JobQueue;
  graphBaseUrl: string;
  publicUrl: string;
  brandName: string;
  /** The app manifest's id, lower-cased (File when sent: the add-in's item properties are named after it). */
  addinId: string;
  now: () => Date;
  /** How often every active binding is checked even without a notification (the safety net), in seconds. */
  safetyNetSeconds: number;
  /** How often a run also reads again what Microsoft 365 may change without a signal (SYNC_REVIEW_SECONDS). */
  reviewSeconds: number;
}

/** The app-only Graph view of one user's mailbox in their tenant, for one kind of container. */
export async function containerGraphFor(
  deps: SyncDependencies,
  tenantId: string,
  userObjectId: string,
  kind: SyncKind,
  signal?: AbortSignal,
): Promise<ContainerGraph> {
  const transport = await connectGraph(deps.graphBaseUrl, deps.fetch, () => deps.tokens.appOnly(tenantId));
  return new ContainerGraph(
    new MailboxGraph(transport, deps.limiter, `${tenantId}/${userObjectId}`, signal),
    userObjectId,
    SHAPES[kind],
  );
}
