import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { ensureLocalCertificates, type SeedMessage } from '../devtenant/src/index.js';
import { BenchEnvironment } from './bench/benchEnvironment.js';
import { inParallel, until } from './bench/benchUtil.js';
import { seedOrganisation } from './bench/orgLoad.js';

/**
 * `npx tsx scripts/bench-mail-filing.ts`: automatic filing of one mailbox's last 30 days (issue 12). On PostgreSQL,
 * with the local tenant at BENCH_LATENCY_MS (50) per Graph request, the service and one worker as processes: one
 * person with BENCH_CONTACTS CRM contacts and BENCH_MAILS mails over the last 30 days in Inbox and Sent Items (most
 * with contacts; some private, some between colleagues, some with strangers, a few with attachments) turns
 * automatic filing on. It prints the time until the first check finished, the mails filed, and the Graph requests.
 */
const whole = (name: string, fallback: number): number => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number ≥ 1`);
  return value;
};
const MAILS = whole('BENCH_MAILS', 2000);
const CONTACTS = whole('BENCH_CONTACTS', 200);
const LATENCY_MS = whole('BENCH_LATENCY_MS', 50);
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DAY_MS = 86_400_000;

const dir = mkdtempSync(join(tmpdir(), 'crm-bench-mail-'));
const certificates = await ensureLocalCertificates(join(dir, 'certs'));
const dispatcher = new Agent({ connect: { ca: certificates.caCertPem }, connections: 32 });
const fetch = async (url: string, init?: RequestInit) =>
  (await undiciFetch(url, { ...(init as object), dispatcher })) as unknown as Response;

const envt = new BenchEnvironment(certificates, fetch, POSTGRES_URL);
try {
  await envt.start(2);
  const [person] = await seedOrganisation(envt, 1, 1);
  if (!person) throw new Error('no person seeded');
  const customers = Array.from(
    { length: CONTACTS },
    (_, i) => `customer${String(i).padStart(4, '0')}@northwind.example`,
  );
  await inParallel(customers, 8, async (email) => {
    const created = await envt.api(person.apiToken, '/api/contacts', 'POST', {
      firstName: 'Customer',
      lastName: email.slice(8, 12),
      email,
    });
    if (created.status !== 201) throw new Error(`contact ${email}: ${JSON.stringify(created.body)}`);
  });

  // One in ten is left out by a rule: private (every 20th), between colleagues only, or with a stranger.
  const now = Date.now();
  const colleague = { address: 'admin@contoso.onmicrosoft.com' };
  const messages: SeedMessage[] = Array.from({ length: MAILS }, (_, i) => {
    const customer = { address: customers[i % customers.length]! };
    const sent = i % 3 === 0;
    const received = new Date(now - ((i + 0.5) / MAILS) * 29.5 * DAY_MS).toISOString();
    const other = i % 20 === 7 ? colleague : i % 20 === 13 ? { address: `stranger${i}@elsewhere.example` } : customer;
    return {
      subject: `Mail ${i} with ${other.address}`,
      receivedDateTime: received,
      folder: sent ? 'sentitems' : 'inbox',
      ...(sent ? { to: [other] } : { from: other }),
      body: { contentType: 'text', content: `Text of mail ${i}.\n`.repeat(20) },
      sensitivity: i % 20 === 3 ? 'private' : 'normal',
    };
  });
  envt.tenant.seedMessages(person.upn, messages);
  const expected = messages.filter((m) => m.sensitivity !== 'private' && !/(contoso|elsewhere)/.test(m.subject)).length;

  await envt.startWorkers(1);
  envt.tenant.knobs.update({ latencyMs: LATENCY_MS });
  envt.tenant.requestCounts.reset();
  const started = performance.now();
  const enabled = await envt.api(person.apiToken, '/api/sync/mail/enable', 'POST');
  if (enabled.status !== 200) throw new Error(`enable failed: ${JSON.stringify(enabled.body)}`);
  await until(
    async () => {
      const binding = await envt.store.db
        .selectFrom('sync_bindings')
        .select(['stage', 'last_success_at', 'last_error_code'])
        .where('user_id', '=', person.userId)
        .where('kind', '=', 'mail')
        .executeTakeFirst();
      if (binding?.last_error_code) throw new Error(`the filing run failed: ${binding.last_error_code}`);
      return binding?.stage === 'incremental' && binding.last_success_at !== null;
    },
    30 * 60_000,
    'the first check of the last 30 days',
    100,
  );
  const seconds = (performance.now() - started) / 1000;
  const filed = await envt.store.db
    .selectFrom('filed_mails')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirst();
  const counts = envt.tenant.requestCounts.snapshot();
  const requests = counts.mailboxes[person.upn]?.total ?? 0;
  console.log(
    [
      `Automatic filing of ${MAILS} mails of the last 30 days (${expected} with CRM contacts and no rule against them; ${CONTACTS} contacts), ${LATENCY_MS} ms Graph latency, PostgreSQL, 1 worker:`,
      `first check done in ${seconds.toFixed(1)} s (${((seconds * 1000) / MAILS).toFixed(1)} ms per mail);`,
      `mails filed ${String(filed?.n)} (expected ${expected});`,
      `Graph requests ${requests} for the mailbox (${(requests / MAILS).toFixed(3)} per mail), 429s ${counts.throttled};`,
      `load average ${loadavg()[0]!.toFixed(1)}`,
    ].join(' '),
  );
  if (Number(filed?.n) !== expected) process.exitCode = 1;
} finally {
  await envt.stop();
  await dispatcher.close();
}
