import type { Logger } from 'pino';
import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { TokenValidator } from '../auth/tokenValidator.js';
import type { Config } from '../config/config.js';
import type { CrmContext } from '../crm/context.js';
import type { Mailer } from '../crm/mailer.js';
import type { MessageReader } from '../crm/mails/messageReader.js';
import type { TenantDirectory } from '../crm/tenantDirectory.js';
import type { AppAccessProbe } from '../graph/appAccess.js';
import type { JobQueue } from '../jobs/jobQueue.js';
import type { Readiness } from '../lifecycle/readiness.js';
import type { Store } from '../store/database.js';
import type { SyncDependencies } from '../sync/syncDependencies.js';

/** Everything the HTTP layer needs, built once at start-up (server/src/service.ts) or by a test. */
export interface ServiceDependencies {
  config: Config;
  store: Store;
  logger: Logger;
  validator: TokenValidator;
  tokens: MicrosoftTokens;
  directory: TenantDirectory;
  mailer: Mailer;
  /** Reads the message open in a user's Outlook, for filing it. */
  messages: MessageReader;
  appAccess: AppAccessProbe;
  queue: JobQueue;
  sync: SyncDependencies;
  now: () => Date;
  /** Whether this process takes traffic (GET /readyz). */
  readiness: Readiness;
  paths: { addinDist: string; officeJs: string; icons: string };
}

/** The slice of the dependencies that CRM commands use. */
export function crmContext(deps: ServiceDependencies): CrmContext {
  return {
    db: deps.store.db,
    directory: deps.directory,
    mailer: deps.mailer,
    now: deps.now,
    publicUrl: deps.config.publicUrl,
    brand: deps.config.brandName,
  };
}
