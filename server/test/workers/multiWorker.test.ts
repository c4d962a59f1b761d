import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureLocalCertificates } from '../../../devtenant/src/index.js';
import { LOCAL_CLIENT_ID } from '../../../scripts/localAppRegistration.js';
import { SYNC_JOB } from '../../src/sync/syncCommands.js';
import { Random } from '../convergence/random.js';
import { installTenant, joinByInvitation } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';
import { enableCalendarSync, type CalendarSyncHandle } from '../syncFixtures.js';
import { WorkerProcess } from '../outage/workerProcess.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;
const WORKERS = 3;
const ROUNDS = 3;
const PEOPLE = [
  'admin',
  'megan.bowen',
  'alex.wilber',
  'adele.vance',
  'lee.gu',
  'nestor.wilke',
  'patti.fernandez',
  'diego.siciliani',
  'johanna.lorenz',
  'lynne.robbins',
  ...Array.from({ length: 10 }, (_, i) => `person${String(i + 1).padStart(4, '0')}`),
].map((name) => `${name}@contoso.onmicrosoft.com`);

/** One synced container (a person's calendar or contact folder) and what both sides must hold: name → one field. */
interface Binding {
  upn: string;
  token: string;
  userId: string;
  kind: 'calendar' | 'contacts';
  outlook: Outlook;
  sync: CalendarSyncHandle;
  expected: Map<string, string>;
}

/**
 * Issue 10's multi-worker test: three `npm run worker` processes share the PostgreSQL queue; 20 mailboxes, half syncing
 * their calendar and half their contacts (20 bindings), through rounds of random changes on both sides, while one worker is
 * SIGKILLed and restarted in two of the rounds. Every binding ends as the changes say (nothing lost, nothing twice),
 * and the queue's own record of runs (`job_runs`) shows that no binding ever ran in two workers at once.
 */
describe.skipIf(!postgres.available)(`${WORKERS} worker processes on PostgreSQL`, () => {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  let stack: Stack;
  let workers: WorkerProcess[] = [];
  const bindings: Binding[] = [];

  beforeAll(async () => {
    stack = await startStack({
      databaseUrl: TEST_DATABASE_URL,
      databaseSchema: schema,
      runJobs: false,
      generatedUsersPerTenant: 10,
    });
    // Graph answers a little slowly, so runs overlap the kills as they would in production.
    stack.tenant.knobs.update({ latencyMs: 20 });
    const certificates = await ensureLocalCertificates(inject('certificatesDir'));
    const env = {
      PUBLIC_URL: stack.serviceUrl,
      DATABASE_URL: TEST_DATABASE_URL,
      DATABASE_SCHEMA: schema,
      AUTHORITY_HOST: stack.tenant.url,
      GRAPH_BASE_URL: `${stack.tenant.url}/v1.0`,
      CLIENT_ID: LOCAL_CLIENT_ID,
      CLIENT_SECRET: stack.clientSecret,
      STATE_SECRET: randomBytes(32).toString('hex'),
      EXTRA_CA_CERTS_FILE: certificates.caCertPath,
      SYNC_SAFETY_NET_SECONDS: '20',
    };
    workers = Array.from({ length: WORKERS }, () => new WorkerProcess(env));
    const started = Promise.all(workers.map((worker) => worker.start()));
    // Awaited below; until then a failed start must not count as an unhandled rejection.
    started.catch(() => undefined);
    const admin = await installTenant(stack, PEOPLE[0]!);
    for (const upn of PEOPLE) {
      const token = upn === PEOPLE[0] ? admin : await joinByInvitation(stack, admin, upn);
      // Half the mailboxes sync their calendar, half their contacts: both kinds, 20 bindings, sized for 2 cores.
      for (const kind of [PEOPLE.indexOf(upn) % 2 === 0 ? 'calendar' : 'contacts'] as const) {
        const sync = await enableCalendarSync(stack, token, kind);
        const outlook = new Outlook(stack, upn);
        bindings.push({ upn, token, userId: sync.userId, kind, outlook, sync, expected: new Map() });
      }
    }
    await started;
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await (stack as Stack | undefined)?.close();
    await dropTestSchemas(schema);
  });

  it('converges every binding, none lost or doubled, while workers are killed; no binding ran twice at once', async () => {
    const testStarted = Date.now();
    const random = new Random(Number(process.env.MULTI_WORKER_SEED ?? Date.now() % 100_000));
    const kills: { at: number; workerId: string }[] = [];
    let counter = 0;

    for (let round = 0; round < ROUNDS; round += 1) {
      await Promise.all(
        bindings.map(async (binding) => {
          const touched = new Set<string>();
          for (let change = 0; change < 2; change += 1) {
            counter += 1;
            await changeOneSide(stack, binding, random, `w${counter}`, touched);
          }
        }),
      );
      if (round > 0) kills.push(await killOneBusyWorker(stack, workers, random));
      await converged(stack, bindings, 90_000);
    }

    // Every run has ended (none still holds a lease), so the record is complete.
    await waitUntil(
      async () =>
        (await stack.store.db.selectFrom('job_queue').select('id').where('state', '=', 'active').execute()).length ===
        0,
      30_000,
      'the last runs to end',
    );
    const runs = await stack.store.db
      .selectFrom('job_runs')
      .selectAll()
      .where('name', '=', SYNC_JOB)
      .orderBy('singleton_key')
      .orderBy('started_at')
      .execute();
    const overlaps: string[] = [];
    for (let i = 1; i < runs.length; i += 1) {
      const [previous, next] = [runs[i - 1]!, runs[i]!];
      if (previous.singleton_key !== next.singleton_key) continue;
      if (!previous.finished_at || previous.finished_at > next.started_at)
        overlaps.push(
          `${next.singleton_key}: ${previous.worker_id} ${previous.started_at.toISOString()}–${previous.finished_at?.toISOString() ?? 'still running'} and ${next.worker_id} from ${next.started_at.toISOString()}`,
        );
    }
    expect(overlaps, overlaps.join('\n')).toEqual([]);
    expect(new Set(runs.map((run) => run.worker_id)).size).toBeGreaterThanOrEqual(WORKERS);

    // How long after each kill the killed worker's jobs ran again in another worker (or its restarted self).
    const resumed: number[] = [];
    for (const kill of kills) {
      for (const lost of runs.filter((run) => run.worker_id === kill.workerId && run.outcome === 'lease_expired')) {
        const again = runs.find((run) => run.job_id === lost.job_id && run.started_at > lost.started_at);
        resumed.push(again ? (again.started_at.getTime() - kill.at) / 1000 : Infinity);
      }
    }
    console.log(
      `multi-worker test (seed ${random.seed}): ${runs.length} sync runs by ${new Set(runs.map((run) => run.worker_id)).size} worker processes, ` +
        `${kills.length} SIGKILLs; killed workers' jobs ran again after ${resumed.map((s) => `${s.toFixed(1)} s`).join(', ') || '(none was running)'}; ` +
        `${((Date.now() - testStarted) / 1000).toFixed(0)} s`,
    );
    expect(resumed.length).toBeGreaterThan(0);
    for (const seconds of resumed) expect(seconds).toBeLessThan(60);
  }, 300_000);
});

/** One change on one side of a binding: a create, or an edit or delete of an item not yet touched this round. */
async function changeOneSide(
  stack: Stack,
  binding: Binding,
  random: Random,
  name: string,
  touched: Set<string>,
): Promise<void> {
  const inCrm = random.chance(0.5);
  const existing = [...binding.expected.keys()].filter((key) => !touched.has(key));
  const target = random.pick(existing);
  const action = target === undefined ? 'create' : random.pick(['create', 'edit', 'delete'] as const)!;
  const value = `${inCrm ? 'crm' : 'outlook'} ${random.int(1000)}`;
  if (action === 'create') {
    touched.add(name);
    binding.expected.set(name, value);
    if (binding.kind === 'calendar') {
      const day = `2027-03-${String(1 + random.int(28)).padStart(2, '0')}`;
      if (inCrm)
        await ok(
          stack.api('/api/events', {
            token: binding.token,
            method: 'POST',
            body: { subject: name, start: `${day}T09:00`, end: `${day}T10:00`, timeZone: 'UTC', location: value },
          }),
        );
      else
        await binding.outlook.create(binding.sync.calendarId, {
          subject: name,
          start: { dateTime: `${day}T09:00:00`, timeZone: 'UTC' },
          end: { dateTime: `${day}T10:00:00`, timeZone: 'UTC' },
          location: { displayName: value },
        });
    } else if (inCrm)
      await ok(
        stack.api('/api/contacts', {
          token: binding.token,
          method: 'POST',
          body: { firstName: 'Pat', lastName: name, title: value },
        }),
      );
    else
      await binding.outlook.createContact(binding.sync.calendarId, {
        givenName: 'Pat',
        surname: name,
        jobTitle: value,
      });
    return;
  }
  const key = target!;
  touched.add(key);
  if (action === 'edit') binding.expected.set(key, value);
  else binding.expected.delete(key);
  if (inCrm) {
    const table = binding.kind === 'calendar' ? 'events' : 'contacts';
    const row = await stack.store.db
      .selectFrom(table)
      .select('id')
      .where('owner_user_id', '=', binding.userId)
      .where(binding.kind === 'calendar' ? 'subject' : 'last_name', '=', key)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    const path = `/api/${table}/${row.id}`;
    const body = binding.kind === 'calendar' ? { location: value } : { title: value };
    await ok(
      stack.api(path, {
        token: binding.token,
        method: action === 'edit' ? 'PATCH' : 'DELETE',
        ...(action === 'edit' ? { body } : {}),
      }),
    );
    return;
  }
  const item = (await outlookItems(binding)).find((entry) => entry.name === key)!;
  if (binding.kind === 'calendar') {
    if (action === 'edit') await binding.outlook.update(item.id, { location: { displayName: value } });
    else await binding.outlook.delete(item.id);
  } else if (action === 'edit') await binding.outlook.updateContact(item.id, { jobTitle: value });
  else await binding.outlook.deleteContact(item.id);
}

async function ok(response: Promise<{ status: number; body: unknown }>): Promise<void> {
  const { status, body } = await response;
  if (status >= 300) throw new Error(`${status} ${JSON.stringify(body)}`);
}

async function outlookItems(binding: Binding): Promise<{ id: string; name: string; value: string }[]> {
  if (binding.kind === 'calendar')
    return (await binding.outlook.events(binding.sync.calendarId)).map((event) => ({
      id: event.id,
      name: event.subject,
      value: event.location.displayName,
    }));
  return (await binding.outlook.contacts(binding.sync.calendarId)).map((contact) => ({
    id: String(contact.id),
    name: String(contact.surname),
    value: typeof contact.jobTitle === 'string' ? contact.jobTitle : '',
  }));
}

async function crmItems(stack: Stack, binding: Binding): Promise<{ name: string; value: string }[]> {
  if (binding.kind === 'calendar')
    return (
      await stack.store.db
        .selectFrom('events')
        .select(['subject as name', 'location as value'])
        .where('owner_user_id', '=', binding.userId)
        .where('deleted_at', 'is', null)
        .execute()
    ).map((row) => ({ name: row.name, value: row.value }));
  return (
    await stack.store.db
      .selectFrom('contacts')
      .select(['last_name as name', 'title as value'])
      .where('owner_user_id', '=', binding.userId)
      .where('deleted_at', 'is', null)
      .execute()
  ).map((row) => ({ name: row.name, value: row.value }));
}

/** What differs between a side and what the changes say: missing, unexpected, doubled or wrong items. */
function differences(side: string, items: { name: string; value: string }[], expected: Map<string, string>): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  for (const item of items) seen.set(item.name, (seen.get(item.name) ?? 0) + 1);
  for (const [name, count] of seen) {
    if (count > 1) problems.push(`${side}: "${name}" ${count} times`);
    else if (!expected.has(name)) problems.push(`${side}: "${name}" should be gone`);
  }
  for (const [name, value] of expected) {
    const item = items.find((entry) => entry.name === name);
    if (!item) problems.push(`${side}: "${name}" is missing`);
    else if (item.value !== value)
      problems.push(`${side}: "${name}" has ${JSON.stringify(item.value)}, not ${JSON.stringify(value)}`);
  }
  return problems;
}

async function converged(stack: Stack, bindings: Binding[], timeoutMs: number): Promise<void> {
  let problems: string[] = [];
  await waitUntil(
    async () => {
      problems = [];
      for (const binding of bindings) {
        const where = `${binding.upn} ${binding.kind}`;
        problems.push(...differences(`${where} CRM`, await crmItems(stack, binding), binding.expected));
        problems.push(...differences(`${where} Outlook`, await outlookItems(binding), binding.expected));
      }
      return problems.length === 0;
    },
    timeoutMs,
    'every binding to converge',
    () => problems.slice(0, 20).join('\n'),
  );
}

/** SIGKILLs a worker that is running a sync job (or any worker, when none is), then starts it again. */
async function killOneBusyWorker(
  stack: Stack,
  workers: WorkerProcess[],
  random: Random,
): Promise<{ at: number; workerId: string }> {
  let victim: { worker: WorkerProcess; workerId: string } | undefined;
  const deadline = Date.now() + 5_000;
  while (!victim && Date.now() < deadline) {
    const owners = await stack.store.db
      .selectFrom('job_queue')
      .select('lease_owner')
      .where('state', '=', 'active')
      .where('name', '=', SYNC_JOB)
      .execute();
    for (const { lease_owner: owner } of owners) {
      const worker = workers.find((candidate) => owner?.split(':')[1] === String(candidate.pid));
      if (worker && owner) victim = { worker, workerId: owner };
    }
    if (!victim) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  if (!victim) {
    const worker = random.pick(workers)!;
    const run = await stack.store.db
      .selectFrom('job_runs')
      .select('worker_id')
      .where('worker_id', 'like', `%:${worker.pid}:%`)
      .executeTakeFirst();
    victim = { worker, workerId: run?.worker_id ?? `pid ${worker.pid}` };
  }
  const at = Date.now();
  await victim.worker.kill();
  await victim.worker.start();
  return { at, workerId: victim.workerId };
}

async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
  explain: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${explain()}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
