import { z } from 'zod';

/** Raised when the environment cannot start the service; names the variable at fault. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Configuration error in ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const httpsUrl = z
  .string()
  .url()
  .refine((value) => value.startsWith('https://'), 'must be an https:// URL')
  .transform((value) => value.replace(/\/+$/, ''));
const optionalFile = z.string().min(1).optional();
const editions = ['free', 'standard', 'professional', 'enterprise'] as const;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  PUBLIC_URL: httpsUrl.optional(),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres:\/\/|postgresql:\/\/)/, 'must start with sqlite:, postgres:// or postgresql://')
    .default('sqlite:.local/crm.sqlite'),
  DATABASE_SCHEMA: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case PostgreSQL schema name')
    .optional(),
  DATABASE_CONNECT_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(600).default(5),
  DATABASE_STATEMENT_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  AUTHORITY_HOST: httpsUrl.default('https://login.microsoftonline.com'),
  GRAPH_BASE_URL: httpsUrl
    .refine((value) => /\/v1\.0$|\/beta$/.test(value), 'must end with the Graph version, e.g. /v1.0')
    .default('https://graph.microsoft.com/v1.0'),
  CLIENT_ID: z.string().regex(guid, 'must be the application (client) id, a GUID'),
  CLIENT_SECRET: z.string().min(1, 'is required'),
  API_APP_ID_URI: z
    .string()
    .regex(/^api:\/\//, 'must start with api://')
    .optional(),
  BRAND_NAME: z.string().trim().min(1).max(30).default('Zoho CRM'),
  // The add-in's manifest id; without one, LOCAL_APP_ID of manifest/build-package, as the local package has.
  TEAMS_APP_ID: z
    .string()
    .regex(guid, 'must be the app manifest id, a GUID')
    .default('8b1d4f6e-2c7a-4e9b-9f3d-5a6c0e2b7d14'),
  STATE_SECRET: z.string().min(32, 'must be at least 32 characters'),
  TLS_CERT_FILE: optionalFile,
  TLS_KEY_FILE: optionalFile,
  EXTRA_CA_CERTS_FILE: optionalFile,
  OFFICE_JS_URL: httpsUrl.optional(),
  NEW_ORGANISATION_EDITION: z.enum(editions).default('professional'),
  SYNC_SAFETY_NET_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  SYNC_REVIEW_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .default(15 * 60),
  RUN_JOBS: z.enum(['true', 'false']).default('true'),
  SYNC_RUNS_PER_PROCESS: z.coerce.number().int().min(1).max(64).default(4),
  // Orchestrators wait about 30 s after SIGTERM before SIGKILL; 10 s leaves room for the queue and store to close.
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(600).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** Every environment variable the service reads. */
export const CONFIG_VARIABLES = Object.keys(schema.shape) as (keyof typeof schema.shape)[];

export type Edition = (typeof editions)[number];

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  databaseUrl: string;
  /** PostgreSQL only: the schema that holds the tables (created if missing); the default schema when unset. */
  databaseSchema: string | undefined;
  /** PostgreSQL only: the longest waits for a connection and for one statement before a request gets a 503. */
  databaseTimeouts: { connectMs: number; statementMs: number };
  authorityHost: string;
  graphBaseUrl: string;
  clientId: string;
  clientSecret: string;
  apiAppIdUri: string;
  apiScope: string;
  brandName: string;
  /** The app manifest's id: Outlook keeps the add-in's item properties under a name made from it. */
  addinId: string;
  stateSecret: string;
  tls: { certFile: string; keyFile: string } | undefined;
  extraCaCertsFile: string | undefined;
  officeJsUrl: string | undefined;
  newOrganisationEdition: Edition;
  /** Every active sync is checked at least this often, notifications or not (seconds). */
  syncSafetyNetSeconds: number;
  /** How often a sync reads again what Graph may change without a signal (a series' occurrences); 0 = every run. */
  syncReviewSeconds: number;
  /** Whether this process runs background jobs too (the embedded default); `false` leaves them to `npm run worker`. */
  runJobs: boolean;
  /**
   * How many users' sync runs one process carries at once. A run mostly waits for Graph (each mailbox allows 4
   * requests in flight), so one core keeps several busy; more wants more memory and database connections.
   */
  syncRunsPerProcess: number;
  /** On SIGTERM, how long requests in flight may still finish before their connections are closed (seconds). */
  shutdownGraceSeconds: number;
  logLevel: string;
}

/** Reads and validates the service's configuration once; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const problem = issue.code === 'invalid_type' && present[variable] === undefined ? 'is required' : issue.message;
    throw new ConfigError(variable, problem);
  }
  const values = parsed.data;
  if (values.DATABASE_SCHEMA && values.DATABASE_URL.startsWith('sqlite:'))
    throw new ConfigError('DATABASE_SCHEMA', 'applies to PostgreSQL only');
  if (Boolean(values.TLS_CERT_FILE) !== Boolean(values.TLS_KEY_FILE)) {
    throw new ConfigError(
      values.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE',
      'TLS_CERT_FILE and TLS_KEY_FILE must be set together',
    );
  }
  const publicUrl = values.PUBLIC_URL ?? `https://localhost:${values.PORT}`;
  const apiAppIdUri = values.API_APP_ID_URI ?? `api://${new URL(publicUrl).host}/${values.CLIENT_ID}`;
  return {
    port: values.PORT,
    host: values.HOST,
    publicUrl,
    databaseUrl: values.DATABASE_URL,
    databaseSchema: values.DATABASE_SCHEMA,
    databaseTimeouts: {
      connectMs: Math.round(values.DATABASE_CONNECT_TIMEOUT_SECONDS * 1000),
      statementMs: Math.round(values.DATABASE_STATEMENT_TIMEOUT_SECONDS * 1000),
    },
    authorityHost: values.AUTHORITY_HOST,
    graphBaseUrl: values.GRAPH_BASE_URL,
    clientId: values.CLIENT_ID.toLowerCase(),
    clientSecret: values.CLIENT_SECRET,
    apiAppIdUri,
    apiScope: `${apiAppIdUri}/access_as_user`,
    brandName: values.BRAND_NAME,
    addinId: values.TEAMS_APP_ID.toLowerCase(),
    stateSecret: values.STATE_SECRET,
    tls:
      values.TLS_CERT_FILE && values.TLS_KEY_FILE
        ? { certFile: values.TLS_CERT_FILE, keyFile: values.TLS_KEY_FILE }
        : undefined,
    extraCaCertsFile: values.EXTRA_CA_CERTS_FILE,
    officeJsUrl: values.OFFICE_JS_URL,
    newOrganisationEdition: values.NEW_ORGANISATION_EDITION,
    syncSafetyNetSeconds: values.SYNC_SAFETY_NET_SECONDS,
    syncReviewSeconds: values.SYNC_REVIEW_SECONDS,
    runJobs: values.RUN_JOBS === 'true',
    syncRunsPerProcess: values.SYNC_RUNS_PER_PROCESS,
    shutdownGraceSeconds: values.SHUTDOWN_GRACE_SECONDS,
    logLevel: values.LOG_LEVEL,
  };
}

/**
 * How each setting may appear in logs. A Record over every key, so a new setting does not compile until someone
 * decides: `secret` is never shown, `public` is shown with any credentials inside a URL masked.
 */
const LOGGING: Record<keyof Config, 'public' | 'secret'> = {
  port: 'public',
  host: 'public',
  publicUrl: 'public',
  databaseUrl: 'public',
  databaseSchema: 'public',
  databaseTimeouts: 'public',
  shutdownGraceSeconds: 'public',
  authorityHost: 'public',
  graphBaseUrl: 'public',
  clientId: 'public',
  clientSecret: 'secret',
  apiAppIdUri: 'public',
  apiScope: 'public',
  brandName: 'public',
  addinId: 'public',
  stateSecret: 'secret',
  tls: 'public',
  extraCaCertsFile: 'public',
  officeJsUrl: 'public',
  newOrganisationEdition: 'public',
  syncSafetyNetSeconds: 'public',
  syncReviewSeconds: 'public',
  runJobs: 'public',
  syncRunsPerProcess: 'public',
  logLevel: 'public',
};

const MASK = '***';
/** Names that hold a secret wherever they appear, also inside a URL's query (`?password=…`, `?sslkey=…`). */
const SECRET_NAME = /pass|secret|token|key|credential|auth/i;

/** The configuration as it may be logged: secrets masked, and passwords or secret parameters inside URLs too. */
export function describeConfig(config: Config): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(config).map(([name, value]) => [
      name,
      LOGGING[name as keyof Config] === 'public' ? maskNested(value) : MASK,
    ]),
  );
}

function maskNested(value: unknown): unknown {
  if (typeof value === 'string') return maskUrlCredentials(value);
  if (Array.isArray(value)) return value.map(maskNested);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, inner]) => [
        name,
        SECRET_NAME.test(name) && !/file$/i.test(name) ? MASK : maskNested(inner),
      ]),
    );
  }
  return value;
}

/** `scheme://user:password@host/path?password=…` → the password and secret-named parameters masked. */
export function maskUrlCredentials(text: string): string {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Not parseable as a URL: mask anything between "//user:" and "@" by hand.
    return text.replace(/(\/\/[^/:@]*:)[^@/]*@/, `$1${MASK}@`);
  }
  const secretParameters = [...url.searchParams.keys()].filter((name) => SECRET_NAME.test(name));
  if (!url.password && secretParameters.length === 0) return text;
  if (url.password) url.password = MASK;
  for (const name of secretParameters) url.searchParams.set(name, MASK);
  return url.toString().replaceAll(encodeURIComponent(MASK), MASK);
}
