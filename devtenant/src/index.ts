/** Public face of the local Microsoft 365 tenant (Entra ID v2 endpoints + a Microsoft Graph v1.0 subset). */
export { ensureLocalCertificates, type LocalCertificates } from './certs/localCertificates.js';
export type { AppRegistration } from './directory/appRegistration.js';
export { startDevTenant, type DevTenantOptions, type RunningDevTenant } from './server.js';
export { DevTenantKnobs, type FaultRule, type KnobsUpdate } from './knobs.js';
export {
  SEED_TENANTS,
  DEFAULT_DEV_PASSWORD,
  GLOBAL_ADMIN_ROLE_TEMPLATE_ID,
  CONTOSO_TENANT_ID,
  FABRIKAM_TENANT_ID,
  type SeedTenant,
  type SeedUser,
} from './seed/seedTenants.js';
export type { LifecycleEvent } from './subscriptions/subscriptionService.js';
export type { SeedMessage } from './seed/seedMessages.js';
export type { RequestCounter } from './graph/middleware/requestCounter.js';
