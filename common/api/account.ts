import { z } from 'zod';
import { EDITIONS, PROFILES } from './enums.js';

/** GET /api/config (public): what the add-in needs before anyone is signed in. */
export const clientConfigSchema = z
  .object({
    brand: z.string(),
    clientId: z.string(),
    authority: z.string(),
    knownAuthorities: z.array(z.string()),
    apiScope: z.string(),
  })
  .meta({ id: 'ClientConfig' });
export type ClientConfig = z.infer<typeof clientConfigSchema>;

/** GET /api/install/callback: what Microsoft's admin-consent page sends back; anything else counts as absent. */
export const installCallbackQuery = z.object({
  error: z.string().optional().catch(undefined),
  state: z.string().optional().catch(undefined),
  admin_consent: z.string().optional().catch(undefined),
  tenant: z.string().optional().catch(undefined),
});

const tenant = z.object({ id: z.string(), domain: z.string() });
const person = z.object({ name: z.string(), email: z.string() });
const organisationName = z.object({ name: z.string() });

export const accessRequestStatusSchema = z.enum(['pending', 'approved', 'declined']);
export type AccessRequestStatus = z.infer<typeof accessRequestStatusSchema>;

/** The caller's own latest access request, as /api/me shows it. */
export const ownAccessRequestSchema = z.object({
  id: z.string(),
  status: accessRequestStatusSchema,
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type OwnAccessRequest = z.infer<typeof ownAccessRequestSchema>;

/** GET /api/me: who the caller is in the CRM and in which state; also the answer of every step that changes it. */
export const meSchema = z
  .discriminatedUnion('state', [
    z.object({
      state: z.literal('not_installed'),
      user: person,
      tenant,
      isTenantAdmin: z.boolean(),
      /** Microsoft's admin-consent page, for a tenant administrator. */
      installUrl: z.string().optional(),
    }),
    z.object({ state: z.literal('first_visit'), user: person, tenant }),
    z.object({ state: z.literal('no_access'), user: person, tenant, organisation: organisationName }),
    z.object({ state: z.literal('deactivated'), user: person, tenant, organisation: organisationName }),
    z.object({
      state: z.literal('invited'),
      user: person,
      tenant,
      organisation: organisationName,
      invitation: z.object({ id: z.string(), expiresAt: z.string() }),
    }),
    z.object({
      state: z.literal('request_pending'),
      user: person,
      tenant,
      organisation: organisationName,
      request: ownAccessRequestSchema,
    }),
    z.object({
      state: z.literal('request_declined'),
      user: person,
      tenant,
      organisation: organisationName,
      request: ownAccessRequestSchema,
    }),
    z.object({
      state: z.literal('member'),
      user: person.extend({ id: z.string(), profile: z.enum(PROFILES) }),
      organisation: z.object({ id: z.string(), name: z.string(), edition: z.enum(EDITIONS) }),
    }),
  ])
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;
export type MeState = Me['state'];

/** POST /api/access-requests: the new /api/me plus how many managers the request mail reached. */
export const requestAccessResultSchema = z.intersection(
  meSchema,
  z.object({ notified: z.number().int(), mailFailed: z.number().int() }),
);
export type RequestAccessResult = z.infer<typeof requestAccessResultSchema>;

/** POST /api/organisations: the temporary account page's Continue. */
export const createOrganisationBody = z.object({ acceptTerms: z.boolean() }).strict();

/** POST /api/account-links: "Link my account" with a CRM-native account's own credentials. */
export const linkAccountBody = z
  .object({ email: z.string().trim().email().max(320), password: z.string().min(1).max(1024) })
  .strict();

/** GET /api/changes: a version that moves whenever something the open pane shows may have changed. */
export const changeVersionSchema = z.object({ version: z.string() });
