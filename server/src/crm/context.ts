import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import type { Mailer } from './mailer.js';
import type { TenantDirectory } from './tenantDirectory.js';

/** What CRM commands that reach outside the store need: the directory, mail, the clock, and where links point. */
export interface CrmContext {
  db: Kysely<Database>;
  directory: TenantDirectory;
  mailer: Mailer;
  now: () => Date;
  publicUrl: string;
  brand: string;
}

/** Links in e-mails open the add-in's web page, which signs the person in and acts on the parameter. */
export const links = {
  invitation: (publicUrl: string, secret: string) => `${publicUrl}/?invitation=${encodeURIComponent(secret)}`,
  accessRequest: (publicUrl: string, requestId: string) =>
    `${publicUrl}/?accessRequest=${encodeURIComponent(requestId)}`,
  app: (publicUrl: string) => `${publicUrl}/`,
};
