import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { Agent, fetch as undiciFetch } from 'undici';
import {
  CONTOSO_TENANT_ID,
  ensureLocalCertificates,
  FABRIKAM_TENANT_ID,
  startDevTenant,
  type RunningDevTenant,
} from '../devtenant/src/index.js';
import { contentColumns } from '../server/src/crm/events/eventRecords.js';
import { openStore, type Store } from '../server/src/store/database.js';
import { FormBrowser } from '../server/test/formBrowser.js';
import { LOCAL_CLIENT_ID, localAppRegistration } from './localAppRegistration.js';

/**
 * `npx tsx scripts/bench-org.ts`: the sync of a whole organisation on PostgreSQL, scaled out over worker processes.
 * For each worker count it starts, from nothing, a fresh database, the local tenant (in this process, 50 ms per
 * Graph request), the service (`server/src/main.ts` with RUN_JOBS=false) and N `server/src/worker.ts` processes;
 * seeds BENCH_MAILBOXES people over the two seeded tenants with BENCH_EVENTS CRM events each; turns calendar sync
 * on for all of them at once, and measures until every first sync finished. Then BENCH_CHANGES random changes on
 * both sides, each timed to its arrival on the other. Before that, one mailbox alone (BENCH_SINGLE_EVENTS events,
 * one worker) against the Graph-rules bound and against a naive client creating one event per request.
 * Everything goes through processes, HTTP and the tables the product shows (events, sync state), never queue
 * internals, so the queue engine can change underneath.
 */
const env = (name: string, fallback: string) => process.env[name] ?? fallback;
const whole = (name: string, fallback: number, min = 1): number => {
  const value = Number(env(name, String(fallback)));
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}`);
  return value;
};
const MAILBOXES = whole('BENCH_MAILBOXES', 200);
const EVENTS = whole('BENCH_EVENTS', 500);
const WORKERS = env('BENCH_WORKERS', '1,2,4')
  .split(',')
  .map((w) => Number(w.trim()));
if (WORKERS.some((w) => !Number.isInteger(w) || w < 1 || w > 16))
  throw new Error('BENCH_WORKERS must list worker counts from 1 to 16, e.g. 1,2,4');
const CHANGES = whole('BENCH_CHANGES', 1000, 0);
const SINGLE_EVENTS = whole('BENCH_SINGLE_EVENTS', 5000, 0);
const LATENCY_MS = whole('BENCH_LATENCY_MS', 50, 0);
const CHANGE_CONCURRENCY = whole('BENCH_CHANGE_CONCURRENCY', 20);
const TIMEOUT_MS = whole('BENCH_TIMEOUT_SECONDS', 3600) * 1000;
const POSTGRES_URL = env('BENCH_POSTGRES_URL', 'postgres://postgres@127.0.0.1:5432/test');
// Graph's Outlook rules: 4 concurrent requests per app + mailbox (the bound below assumes all four always busy).
const MAILBOX_CONCURRENCY = 4;

const dir = mkdtempSync(join(tmpdir(), 'crm-bench-org-'));
const certificates = await ensureLocalCertificates(join(dir, 'certs'));
const dispatcher = new Agent({ connect: { ca: certificates.caCertPem }, connections: 64 });
const fetch = async (url: string, init?: RequestInit) =>
  (await undiciFetch(url, { ...(init as object), dispatcher })) as unknown as Response;

interface Mailbox {
  upn: string;
  tenantId: string;
  userId: string;
  apiToken: string;
  calendarId?: string;
  enabledAt?: number;
  doneAt?: number;
}

interface RoundResult {
  workers: number;
  mailboxes: Mailbox[];
  allDoneSeconds: number;
  graphRequests: number;
  batchEnvelopes: number;
  throttled: number;
  peakRssMb: { service: number; workers: number[] };
  steady?: { crmToOutlook: number[]; outlookToCrm: number[]; lost: number };
  naiveSeconds?: number;
}

/** One environment from nothing: database, local tenant, service, workers. */
class Environment {
  readonly children: ChildProcess[] = [];
  tenant!: RunningDevTenant;
  store!: Store;
  publicUrl = '';
  clientSecret = randomBytes(16).toString('hex');
  databaseName = `bench_org_${randomBytes(6).toString('hex')}`;
  databaseUrl = '';
  serviceEnv: Record<string, string> = {};
  service?: ChildProcess;
  workers: ChildProcess[] = [];
  private appTokens = new Map<string, string>();

  async start(generatedUsersPerTenant: number): Promise<void> {
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`create database ${this.databaseName}`);
    } finally {
      await admin.end();
    }
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${this.databaseName}`;
    this.databaseUrl = url.toString();
    this.tenant = await startDevTenant({
      port: 0,
      tls: { cert: certificates.certPem, key: certificates.keyPem, ca: certificates.caCertPem },
      apps: [],
      generatedUsersPerTenant,
    });
    const port = await freePort();
    this.publicUrl = `https://localhost:${port}`;
    this.tenant.registerApp(localAppRegistration(this.publicUrl, this.clientSecret, 'Zoho CRM'));
    this.serviceEnv = {
      PORT: String(port),
      PUBLIC_URL: this.publicUrl,
      DATABASE_URL: this.databaseUrl,
      AUTHORITY_HOST: this.tenant.url,
      GRAPH_BASE_URL: `${this.tenant.url}/v1.0`,
      CLIENT_ID: LOCAL_CLIENT_ID,
      CLIENT_SECRET: this.clientSecret,
      STATE_SECRET: randomBytes(32).toString('hex'),
      TLS_CERT_FILE: certificates.certPath,
      TLS_KEY_FILE: certificates.keyPath,
      EXTRA_CA_CERTS_FILE: certificates.caCertPath,
    };
    this.service = this.spawn('server/src/main.ts', { RUN_JOBS: 'false', LOG_LEVEL: 'warn' });
    await until(
      async () => {
        const answered = await fetch(`${this.publicUrl}/api/me`).catch(() => undefined);
        return answered !== undefined;
      },
      60_000,
      'the service to listen',
    );
    this.store = await openStore(this.databaseUrl);
  }

  /** Starts N worker processes and resolves once each says it takes jobs. */
  async startWorkers(count: number): Promise<void> {
    this.workers = Array.from({ length: count }, () => this.spawn('server/src/worker.ts', { LOG_LEVEL: 'info' }));
    await Promise.all(
      this.workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            let seen = '';
            const onData = (chunk: Buffer) => {
              seen = (seen + chunk.toString()).slice(-4096);
              if (seen.includes('"worker started"')) {
                worker.stdout!.off('data', onData);
                worker.stdout!.resume();
                resolve();
              }
            };
            worker.stdout!.on('data', onData);
            worker.once('exit', (code) => reject(new Error(`a worker exited with ${code} before it started`)));
          }),
      ),
    );
  }

  /** Peak resident memory (VmHWM) of a process we started, in MB. */
  peakRssMb(child: ChildProcess | undefined): number {
    if (!child?.pid) return 0;
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  }

  /** An app-only Graph token of a tenant, as the service gets one. */
  async appToken(tenantId: string, fresh = false): Promise<string> {
    const known = this.appTokens.get(tenantId);
    if (known && !fresh) return known;
    const response = await fetch(`${this.tenant.url}/${tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: LOCAL_CLIENT_ID,
        client_secret: this.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      }).toString(),
    });
    const token = ((await response.json()) as { access_token: string }).access_token;
    this.appTokens.set(tenantId, token);
    return token;
  }

  async userToken(
    upn: string,
    scope = `api://localhost:${new URL(this.publicUrl).port}/${LOCAL_CLIENT_ID}/access_as_user`,
  ) {
    const response = await fetch(`${this.tenant.url}/organizations/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: LOCAL_CLIENT_ID,
        client_secret: this.clientSecret,
        username: upn,
        password: this.tenant.password,
        scope,
      }).toString(),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!body.access_token) throw new Error(`no token for ${upn}: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  async api<T = Record<string, unknown>>(
    token: string,
    path: string,
    method = 'GET',
    body?: unknown,
  ): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.publicUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as T };
  }

  async stop(): Promise<void> {
    await Promise.all([...this.workers, ...(this.service ? [this.service] : [])].map(stopChild));
    // Set by start(), which may have failed half-way.
    await (this.store as Store | undefined)?.close();
    await (this.tenant as RunningDevTenant | undefined)?.close();
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`drop database if exists ${this.databaseName} with (force)`);
    } finally {
      await admin.end();
    }
  }

  private spawn(entry: string, extra: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, ['--import', 'tsx', entry], {
      env: { ...process.env, ...this.serviceEnv, ...extra },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errors = (errors + chunk.toString()).slice(-2000);
    });
    child.stdout.resume();
    child.once('exit', (code, signal) => {
      if (code && code !== 0 && signal === null) process.stderr.write(`${entry} exited with ${code}: ${errors}\n`);
    });
    this.children.push(child);
    return child;
  }
}

/** Admins install the app for both tenants; `count` generated people join and get `events` CRM events each. */
async function seedOrganisation(envt: Environment, count: number, events: number): Promise<Mailbox[]> {
  const tenants = [
    { id: CONTOSO_TENANT_ID, domain: 'contoso.onmicrosoft.com' },
    { id: FABRIKAM_TENANT_ID, domain: 'fabrikam.onmicrosoft.com' },
  ];
  const mailboxes: Mailbox[] = [];
  for (const [index, tenant] of tenants.entries()) {
    const people = index === 0 ? Math.ceil(count / 2) : Math.floor(count / 2);
    if (people === 0) continue;
    const adminUpn = `admin@${tenant.domain}`;
    const admin = await envt.userToken(adminUpn);
    const me = await envt.api<{ installUrl: string }>(admin, '/api/me');
    const browser = new FormBrowser(fetch);
    await (
      await (await browser.open(me.body.installUrl)).submit('login', adminUpn)
    ).submit('passwd', envt.tenant.password);
    await browser.submit('decision', 'accept');
    const created = await envt.api(admin, '/api/organisations', 'POST', { acceptTerms: true });
    if (created.status !== 201) throw new Error(`organisation not created: ${JSON.stringify(created.body)}`);
    const upns = Array.from({ length: people }, (_, i) => `person${String(i + 1).padStart(4, '0')}@${tenant.domain}`);
    await inParallel(upns, 8, async (upn) => {
      const invited = await envt.api(admin, '/api/invitations', 'POST', { email: upn });
      if (invited.status !== 201) throw new Error(`invitation of ${upn} failed: ${JSON.stringify(invited.body)}`);
      const token = await envt.userToken(upn);
      const joined = await envt.api<{ user?: { id: string } }>(token, '/api/invitations/accept', 'POST', {
        acceptTerms: true,
      });
      const userId = joined.body.user?.id;
      if (!userId) throw new Error(`${upn} could not join: ${JSON.stringify(joined.body)}`);
      mailboxes.push({ upn, tenantId: tenant.id, userId, apiToken: token });
    });
  }
  const organisations = await envt.store.db.selectFrom('users').select(['id', 'organisation_id']).execute();
  const organisationOf = new Map(organisations.map((u) => [u.id, u.organisation_id]));
  const now = Date.now();
  const stamp = new Date().toISOString();
  for (const mailbox of mailboxes) {
    const rows = Array.from({ length: events }, (_, i) => {
      // Hourly slots around now (a fifth in the past), in UTC so no slot falls into a daylight-saving gap.
      const start = new Date(now + (i - Math.floor(events / 5)) * 3_600_000);
      return {
        id: randomUUID(),
        organisation_id: organisationOf.get(mailbox.userId)!,
        owner_user_id: mailbox.userId,
        ...contentColumns({
          subject: `Event ${i} of ${mailbox.upn}`,
          description: 'Seeded for the organisation benchmark',
          location: 'Room 1',
          start: start.toISOString().slice(0, 16),
          end: new Date(start.getTime() + 1_800_000).toISOString().slice(0, 16),
          timeZone: 'UTC',
          isAllDay: false,
          attendees: [],
          reminderMinutes: 15,
          showAs: 'busy',
          recurrence: null,
          exceptions: [],
        }),
        ical_uid: null,
        origin: 'crm' as const,
        sync_eligible: 1,
        version: 1,
        created_at: stamp,
        updated_at: stamp,
        deleted_at: null,
      };
    });
    for (let from = 0; from < rows.length; from += 500)
      await envt.store.db
        .insertInto('events')
        .values(rows.slice(from, from + 500))
        .execute();
  }
  return mailboxes;
}

/** Turns calendar sync on for every mailbox at once and waits until each finished its first sync. */
async function firstSyncs(envt: Environment, mailboxes: Mailbox[]): Promise<number> {
  const started = performance.now();
  await inParallel(mailboxes, 16, async (mailbox) => {
    mailbox.enabledAt = performance.now();
    const enabled = await envt.api(mailbox.apiToken, '/api/sync/calendar/enable', 'POST');
    if (enabled.status !== 200) throw new Error(`enable for ${mailbox.upn} failed: ${JSON.stringify(enabled.body)}`);
  });
  const byUser = new Map(mailboxes.map((m) => [m.userId, m]));
  await until(
    async () => {
      const bindings = await envt.store.db
        .selectFrom('sync_bindings')
        .select(['user_id', 'stage', 'last_success_at', 'container_id'])
        .where('kind', '=', 'calendar')
        .execute();
      const now = performance.now();
      for (const binding of bindings) {
        const mailbox = byUser.get(binding.user_id);
        if (mailbox && !mailbox.doneAt && binding.stage === 'incremental' && binding.last_success_at) {
          mailbox.doneAt = now;
          mailbox.calendarId = binding.container_id!;
        }
      }
      return mailboxes.every((m) => m.doneAt !== undefined);
    },
    TIMEOUT_MS,
    'every first sync',
    250,
  );
  return (Math.max(...mailboxes.map((m) => m.doneAt!)) - started) / 1000;
}

/** Random changes over the mailboxes, half in the CRM and half in Outlook, each timed to its arrival. */
async function steadyChanges(envt: Environment, mailboxes: Mailbox[]) {
  const links = await envt.store.db
    .selectFrom('sync_links')
    .innerJoin('sync_bindings', 'sync_bindings.id', 'sync_links.binding_id')
    .select(['sync_bindings.user_id as userId', 'sync_links.entity_id as eventId', 'sync_links.graph_id as graphId'])
    .where('sync_bindings.kind', '=', 'calendar')
    .where('sync_links.graph_id', 'is not', null)
    .execute();
  const byUser = new Map(mailboxes.map((m) => [m.userId, m]));
  const targets = shuffle(links.filter((link) => byUser.has(link.userId)));
  const crmToOutlook: number[] = [];
  const outlookToCrm: number[] = [];
  let lost = 0;
  const changes = Array.from({ length: CHANGES }, (_, k) => ({ k, target: targets[k % targets.length]! }));
  await inParallel(changes, CHANGE_CONCURRENCY, async ({ k, target }) => {
    const mailbox = byUser.get(target.userId)!;
    const subject = `Steady change ${k} ${randomBytes(3).toString('hex')}`;
    const begun = performance.now();
    let arrived: () => Promise<boolean>;
    if (k % 2 === 0) {
      let answer = await envt.api(mailbox.apiToken, `/api/events/${target.eventId}`, 'PATCH', { subject });
      if (answer.status === 401) {
        mailbox.apiToken = await envt.userToken(mailbox.upn);
        answer = await envt.api(mailbox.apiToken, `/api/events/${target.eventId}`, 'PATCH', { subject });
      }
      if (answer.status !== 200) throw new Error(`CRM change failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      arrived = async () => {
        const response = await fetch(
          `${envt.tenant.url}/_devtenant/api/mailboxes/${encodeURIComponent(mailbox.upn)}/calendars/${mailbox.calendarId}/events?subject=${encodeURIComponent(subject)}`,
        );
        return ((await response.json()) as { value: unknown[] }).value.length > 0;
      };
    } else {
      await graphPatch(envt, mailbox, target.graphId!, { subject });
      arrived = async () =>
        (await envt.store.db.selectFrom('events').select('id').where('subject', '=', subject).executeTakeFirst()) !==
        undefined;
    }
    try {
      await until(arrived, 300_000, 'a change to arrive', 100);
      (k % 2 === 0 ? crmToOutlook : outlookToCrm).push((performance.now() - begun) / 1000);
    } catch {
      lost += 1;
    }
  });
  return { crmToOutlook, outlookToCrm, lost };
}

/** A change made in Outlook (Graph with the app's token; 429 is waited out as any client would). */
async function graphPatch(envt: Environment, mailbox: Mailbox, graphId: string, body: unknown): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const response = await fetch(`${envt.tenant.url}/v1.0/users/${encodeURIComponent(mailbox.upn)}/events/${graphId}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${await envt.appToken(mailbox.tenantId, attempt > 0)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    if (response.ok) return;
    if (response.status !== 429 && response.status !== 401) throw new Error(`Outlook change: ${response.status}`);
    await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
  }
  throw new Error('Outlook change kept failing');
}

/** A naive client: one event per request, one at a time, into a calendar of its own. */
async function naiveClient(envt: Environment, upn: string, events: number): Promise<number> {
  const token = await envt.appToken(CONTOSO_TENANT_ID);
  const calendar = (await (
    await fetch(`${envt.tenant.url}/v1.0/users/${upn}/calendars`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Naive client' }),
    })
  ).json()) as { id: string };
  const started = performance.now();
  for (let i = 0; i < events; i += 1) {
    const start = new Date(Date.now() + i * 3_600_000).toISOString().slice(0, 19);
    const end = new Date(Date.now() + i * 3_600_000 + 1_800_000).toISOString().slice(0, 19);
    const response = await fetch(`${envt.tenant.url}/v1.0/users/${upn}/calendars/${calendar.id}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: `Naive ${i}`,
        start: { dateTime: start, timeZone: 'UTC' },
        end: { dateTime: end, timeZone: 'UTC' },
      }),
    });
    if (response.status !== 201) throw new Error(`naive create: ${response.status}`);
  }
  return (performance.now() - started) / 1000;
}

async function round(options: {
  workers: number;
  mailboxes: number;
  events: number;
  steady: boolean;
  naive: boolean;
}): Promise<RoundResult> {
  const envt = new Environment();
  try {
    await envt.start(Math.max(2, Math.ceil(options.mailboxes / 2)));
    const mailboxes = await seedOrganisation(envt, options.mailboxes, options.events);
    await envt.startWorkers(options.workers);
    envt.tenant.knobs.update({ latencyMs: LATENCY_MS });
    envt.tenant.requestCounts.reset();
    const allDoneSeconds = await firstSyncs(envt, mailboxes);
    const counts = envt.tenant.requestCounts.snapshot();
    const measured = new Set(mailboxes.map((m) => m.upn));
    const graphRequests = Object.entries(counts.mailboxes)
      .filter(([upn]) => measured.has(upn))
      .reduce((sum, [, byMethod]) => sum + byMethod.total, 0);
    const result: RoundResult = {
      workers: options.workers,
      mailboxes,
      allDoneSeconds,
      graphRequests,
      batchEnvelopes: counts.batchRequests,
      throttled: counts.throttled,
      peakRssMb: { service: 0, workers: [] },
    };
    if (options.steady && CHANGES > 0) result.steady = await steadyChanges(envt, mailboxes);
    if (options.naive)
      result.naiveSeconds = await naiveClient(envt, 'person0002@contoso.onmicrosoft.com', options.events);
    result.peakRssMb = {
      service: envt.peakRssMb(envt.service),
      workers: envt.workers.map((worker) => envt.peakRssMb(worker)),
    };
    return result;
  } finally {
    await envt.stop();
  }
}

const seconds = (values: number[], p: number) => percentile(values, p).toFixed(1);
console.log(
  `Organisation benchmark: ${MAILBOXES} mailboxes × ${EVENTS} CRM events, ${LATENCY_MS} ms Graph latency, PostgreSQL, workers ${WORKERS.join('/')}`,
);

if (SINGLE_EVENTS > 0) {
  const single = await round({ workers: 1, mailboxes: 1, events: SINGLE_EVENTS, steady: false, naive: true });
  const first = single.allDoneSeconds;
  const bound = (SINGLE_EVENTS * LATENCY_MS) / MAILBOX_CONCURRENCY / 1000;
  console.log(
    `One mailbox, ${SINGLE_EVENTS} events, 1 worker: first sync ${first.toFixed(1)} s; ÷ Graph-rules bound (items × latency ÷ 4 = ${bound.toFixed(1)} s) = ${(first / bound).toFixed(2)}; ÷ naive one-at-a-time client (${single.naiveSeconds!.toFixed(1)} s) = ${(first / single.naiveSeconds!).toFixed(3)}`,
  );
}

const results: RoundResult[] = [];
for (const workers of WORKERS) {
  const result = await round({ workers, mailboxes: MAILBOXES, events: EVENTS, steady: true, naive: false });
  results.push(result);
  const baseline = results.find((r) => r.workers === 1)?.allDoneSeconds;
  const completion = result.mailboxes.map(
    (m) => (m.doneAt! - Math.min(...result.mailboxes.map((x) => x.enabledAt!))) / 1000,
  );
  console.log(
    [
      `${workers} worker${workers > 1 ? 's' : ''}:`,
      `all first syncs done ${result.allDoneSeconds.toFixed(1)} s`,
      baseline ? `(ratio to 1 worker ${(result.allDoneSeconds / baseline).toFixed(2)})` : '',
      `per mailbox p50 ${seconds(completion, 50)} s, p95 ${seconds(completion, 95)} s, max ${seconds(completion, 100)} s;`,
      `Graph requests per item ${(result.graphRequests / (MAILBOXES * EVENTS)).toFixed(3)} (+ ${result.batchEnvelopes} $batch envelopes);`,
      `429s received ${result.throttled};`,
      `peak RSS service ${result.peakRssMb.service} MB, workers ${result.peakRssMb.workers.join('/')} MB`,
    ]
      .filter(Boolean)
      .join(' '),
  );
  if (result.steady) {
    const { crmToOutlook, outlookToCrm, lost } = result.steady;
    console.log(
      `  steady: ${CHANGES} changes, change to arrival CRM → Outlook p50 ${seconds(crmToOutlook, 50)} s p95 ${seconds(crmToOutlook, 95)} s; Outlook → CRM p50 ${seconds(outlookToCrm, 50)} s p95 ${seconds(outlookToCrm, 95)} s; not arrived within 5 min: ${lost}`,
    );
  }
}
console.log(`bench process (local tenant inside) peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
await dispatcher.close();

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string, everyMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
