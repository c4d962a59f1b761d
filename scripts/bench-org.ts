import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { Agent, fetch as undiciFetch } from 'undici';
import { ensureLocalCertificates } from '../devtenant/src/index.js';
import { BenchEnvironment } from './bench/benchEnvironment.js';
import { percentile } from './bench/benchUtil.js';
import { firstSyncs, naiveClient, seedOrganisation, steadyChanges, type Mailbox } from './bench/orgLoad.js';

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
// Outlook's request budget per app + mailbox, as `requests/seconds` (default the real 10000/600); smaller shows 429s.
const BUDGET = /^(\d+)\/(\d+(?:\.\d+)?)$/.exec(env('BENCH_REQUEST_BUDGET', '10000/600'));
if (!BUDGET || Number(BUDGET[1]) < 1 || Number(BUDGET[2]) <= 0)
  throw new Error('BENCH_REQUEST_BUDGET must be requests/seconds, e.g. 100/6');
const REQUEST_BUDGET = { requests: Number(BUDGET[1]), windowSeconds: Number(BUDGET[2]) };
// Graph's Outlook rules: 4 concurrent requests per app + mailbox (the bound below assumes all four always busy).
const MAILBOX_CONCURRENCY = 4;

const dir = mkdtempSync(join(tmpdir(), 'crm-bench-org-'));
const certificates = await ensureLocalCertificates(join(dir, 'certs'));
const dispatcher = new Agent({ connect: { ca: certificates.caCertPem }, connections: 64 });
const fetch = async (url: string, init?: RequestInit) =>
  (await undiciFetch(url, { ...(init as object), dispatcher })) as unknown as Response;

interface RoundResult {
  workers: number;
  mailboxes: Mailbox[];
  allDoneSeconds: number;
  graphRequests: number;
  batchEnvelopes: number;
  throttled: number;
  /** From the queue's own record of runs (job_runs): leases that ran out, and runs of one binding that overlapped. */
  runs: { leaseExpired: number; overlapping: number };
  peakRssMb: { service: number; workers: number[] };
  steady?: { crmToOutlook: number[]; outlookToCrm: number[]; lost: number };
  naiveSeconds?: number;
}

async function round(options: {
  workers: number;
  mailboxes: number;
  events: number;
  steady: boolean;
  naive: boolean;
}): Promise<RoundResult> {
  const envt = new BenchEnvironment(certificates, fetch, POSTGRES_URL);
  try {
    await envt.start(Math.max(2, Math.ceil(options.mailboxes / 2)));
    const mailboxes = await seedOrganisation(envt, options.mailboxes, options.events);
    await envt.startWorkers(options.workers);
    envt.tenant.knobs.update({
      latencyMs: LATENCY_MS,
      requestBudget: REQUEST_BUDGET,
    });
    envt.tenant.requestCounts.reset();
    const allDoneSeconds = await firstSyncs(envt, mailboxes, TIMEOUT_MS);
    const counts = envt.tenant.requestCounts.snapshot();
    const runs = await runOverlaps(envt);
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
      runs,
      peakRssMb: { service: 0, workers: [] },
    };
    if (options.steady && CHANGES > 0)
      result.steady = await steadyChanges(envt, mailboxes, CHANGES, CHANGE_CONCURRENCY);
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

/**
 * Whether any binding ran in two workers at once during the first syncs: the queue records every run's start and end
 * (a run whose lease ran out is closed at the expiry, or later when its handler ended later).
 */
async function runOverlaps(envt: BenchEnvironment): Promise<{ leaseExpired: number; overlapping: number }> {
  const { rows } = await sql<{ lease_expired: string; overlapping: string }>`
    select
      (select count(*) from job_runs where outcome = 'lease_expired') as lease_expired,
      (select count(*) from job_runs a join job_runs b
        on a.singleton_key = b.singleton_key and a.id < b.id
        and a.started_at < coalesce(b.finished_at, now()) and b.started_at < coalesce(a.finished_at, now())
        where a.name = 'sync.run' and b.name = 'sync.run') as overlapping`.execute(envt.store.db);
  return { leaseExpired: Number(rows[0]?.lease_expired ?? 0), overlapping: Number(rows[0]?.overlapping ?? 0) };
}

const seconds = (values: number[], p: number) => percentile(values, p).toFixed(1);
console.log(
  `Organisation benchmark: ${MAILBOXES} mailboxes × ${EVENTS} CRM events, ${LATENCY_MS} ms Graph latency, Graph budget ${REQUEST_BUDGET.requests} requests per ${REQUEST_BUDGET.windowSeconds} s and mailbox, PostgreSQL, workers ${WORKERS.join('/')} carrying ${env('SYNC_RUNS_PER_PROCESS', '4')} sync runs each (SYNC_RUNS_PER_PROCESS)`,
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
      `job leases expired ${result.runs.leaseExpired}, overlapping runs of one binding ${result.runs.overlapping};`,
      `peak RSS service ${result.peakRssMb.service} MB, workers ${result.peakRssMb.workers.join('/')} MB;`,
      // The machine's other load skews every figure; say how busy it was.
      `load average ${loadavg()[0]!.toFixed(1)}`,
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
