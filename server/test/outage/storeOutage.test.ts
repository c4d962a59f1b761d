import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RetryLater } from '../../src/jobs/jobQueue.js';
import { openStore, type Store } from '../../src/store/database.js';
import { findBindingById } from '../../src/sync/bindings.js';
import { eventually, installTenant } from '../fixtures.js';
import { Outlook } from '../outlook.js';
import { startStack, type ApiResponse, type Stack } from '../stack.js';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';
import { enableCalendarSync, syncNow } from '../syncFixtures.js';
import { TcpProxy } from '../tcpProxy.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres')!;

/** Short waits, so that a blackhole turns into a 503 within seconds in the test (production: 5 s and 30 s). */
const CONNECT_TIMEOUT_SECONDS = 1;
const STATEMENT_TIMEOUT_SECONDS = 2;
/** The longest a request may wait on a hung database: a connection, one statement, the margin, some slack. */
const LONGEST_HUNG_REQUEST_MS = (CONNECT_TIMEOUT_SECONDS + STATEMENT_TIMEOUT_SECONDS + 2 + 1.5) * 1000;

const inDays = (days: number, time = '09:00') =>
  `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ApiEvent {
  id: string;
  subject: string;
}

/**
 * The service on PostgreSQL behind a proxy that cuts or hangs the connection: it answers 503 in the user's language
 * while the database is gone, recovers on its own once it is back, and loses nothing it acknowledged.
 */
describe.skipIf(!postgres.available)('the service through a database outage (PostgreSQL behind a proxy)', () => {
  const schema = `test_outage_${randomBytes(5).toString('hex')}`;
  let proxy: TcpProxy;
  let stack: Stack;
  let admin: string;
  /** The same database seen directly, past the proxy: what is really there. */
  let direct: Store;

  const events = (language = 'en') => stack.api<{ events: ApiEvent[] }>('/api/events', { token: admin, language });
  const createEvent = (subject: string, description = `${subject}: whole`) =>
    stack.api<ApiEvent>('/api/events', {
      token: admin,
      method: 'POST',
      body: { subject, description, start: inDays(3), end: inDays(3, '10:00'), timeZone: 'Europe/Berlin' },
    });
  const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
    const started = performance.now();
    const value = await work();
    return { value, ms: performance.now() - started };
  };
  /** Seconds from `restore()` until the events view answers 200 again, polled every 50 ms. */
  const secondsToRecover = async (): Promise<number> => {
    const restored = performance.now();
    proxy.restore();
    await eventually(async () => ((await events()).status === 200 ? true : undefined), 20_000, 'recovery');
    return (performance.now() - restored) / 1000;
  };

  beforeAll(async () => {
    let url: string;
    ({ proxy, url } = await TcpProxy.forDatabaseUrl(TEST_DATABASE_URL));
    stack = await startStack({
      databaseUrl: url,
      databaseSchema: schema,
      runJobs: false,
      environment: {
        DATABASE_CONNECT_TIMEOUT_SECONDS: String(CONNECT_TIMEOUT_SECONDS),
        DATABASE_STATEMENT_TIMEOUT_SECONDS: String(STATEMENT_TIMEOUT_SECONDS),
      },
    });
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
    direct = await openStore(TEST_DATABASE_URL, { postgresSchema: schema });
  });
  afterEach(() => proxy.restore());
  afterAll(async () => {
    await stack.close();
    await direct.close();
    await proxy.close();
    await dropTestSchemas(schema);
  });

  function expectUnavailable(response: ApiResponse, words: RegExp): void {
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ error: 'store_unavailable', message: expect.stringMatching(words) });
    expect(response.headers.get('retry-after')).toBe('5');
  }

  it('a cut: reads answer 503 in the user’s language at once, /healthz says unavailable; it recovers on its own', async () => {
    expect((await events()).status).toBe(200);
    proxy.cut();
    const english = await timed(() => events('en'));
    expectUnavailable(english.value, /cannot reach its database/);
    expect(english.ms).toBeLessThan(LONGEST_HUNG_REQUEST_MS);
    expectUnavailable(await events('de-DE'), /erreicht seine Datenbank/);
    const health = await timed(() => stack.fetch(`${stack.serviceUrl}/healthz`));
    expect(health.value.status).toBe(503);
    expect(health.ms).toBeLessThan(2_500);

    // Ten seconds down, as the outage was reported; every request in between gets its answer.
    const downUntil = Date.now() + 10_000;
    while (Date.now() < downUntil) {
      expect((await events()).status).toBe(503);
      await sleep(500);
    }
    const seconds = await secondsToRecover();
    console.log(`recovered ${seconds.toFixed(2)} s after the database came back from a 10 s cut`);
    expect(seconds).toBeLessThan(2);
    expect((await stack.fetch(`${stack.serviceUrl}/healthz`)).status).toBe(200);
  });

  it('a hang (blackhole): reads and /healthz answer 503 within bounded time, not never; it recovers on its own', async () => {
    expect((await events()).status).toBe(200);
    proxy.hang();
    const [read, secondRead, health] = await Promise.all([
      timed(() => events('en')),
      timed(() => events('de')),
      timed(() => stack.fetch(`${stack.serviceUrl}/healthz`)),
    ]);
    expectUnavailable(read.value, /cannot reach its database/);
    expectUnavailable(secondRead.value, /erreicht seine Datenbank/);
    expect(read.ms).toBeLessThan(LONGEST_HUNG_REQUEST_MS);
    expect(health.value.status).toBe(503);
    expect(health.ms).toBeLessThan(2_500);
    // Later requests do not queue behind the stuck ones for longer.
    const later = await timed(() => events());
    expect(later.value.status).toBe(503);
    expect(later.ms).toBeLessThan(LONGEST_HUNG_REQUEST_MS);

    const seconds = await secondsToRecover();
    console.log(`recovered ${seconds.toFixed(2)} s after a hung database answered again`);
    expect(seconds).toBeLessThan(2);
  });

  it('writes through a cut and a hang: each acknowledged one is there afterwards, each refused one whole or absent', async () => {
    const outcomes = new Map<string, number>();
    const prefix = `Write ${randomBytes(3).toString('hex')}`;
    let next = 0;
    const writer = async (until: () => boolean) => {
      while (!until()) {
        const subject = `${prefix} ${next++}`;
        outcomes.set(subject, (await createEvent(subject)).status);
      }
    };
    let done = false;
    const writers = Promise.all([1, 2, 3, 4].map(() => writer(() => done)));
    await sleep(400);
    proxy.cut();
    await sleep(1_500);
    proxy.restore();
    await sleep(800);
    proxy.hang();
    await sleep(LONGEST_HUNG_REQUEST_MS);
    proxy.restore();
    await sleep(800);
    done = true;
    await writers;

    const statuses = [...outcomes.values()];
    expect(
      statuses.every((status) => status === 201 || status === 503),
      statuses.join(','),
    ).toBe(true);
    expect(statuses.filter((status) => status === 201).length).toBeGreaterThan(4);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
    const stored = await direct.db
      .selectFrom('events')
      .select(['subject', 'description'])
      .where('subject', 'like', `${prefix} %`)
      .execute();
    const storedCount = new Map<string, number>();
    for (const row of stored) {
      storedCount.set(row.subject, (storedCount.get(row.subject) ?? 0) + 1);
      expect(row.description).toBe(`${row.subject}: whole`);
    }
    for (const [subject, status] of outcomes) {
      if (status === 201) expect(storedCount.get(subject), subject).toBe(1);
      else expect([undefined, 1], subject).toContain(storedCount.get(subject));
    }
    // The API shows the same as the database once the outage is over.
    const listed = new Set((await events()).body.events.map((event) => event.subject));
    for (const row of stored) expect(listed.has(row.subject), row.subject).toBe(true);
  });

  it('a sync run cut half-way is retried later, not held against the binding, and finishes without duplicates', async () => {
    const handle = await enableCalendarSync(stack, admin);
    const outlook = new Outlook(stack, 'admin@contoso.onmicrosoft.com');
    await syncNow(stack, handle);
    const subjects: string[] = [];
    for (const [round, breakConnection] of [() => proxy.cut(), () => proxy.hang()].entries()) {
      const before = (await outlook.events(handle.calendarId)).length;
      for (let i = 0; i < 60; i += 1) {
        const subject = `Synced through outage ${round}.${i}`;
        expect((await createEvent(subject)).status).toBe(201);
        subjects.push(subject);
      }
      const run = syncNow(stack, handle).then(
        () => 'finished' as const,
        (error: unknown) => error,
      );
      // Break the connection once the run has pushed part of the new events.
      await eventually(
        async () => ((await outlook.events(handle.calendarId)).length > before ? true : undefined),
        20_000,
        'the run to push part of the events',
      );
      breakConnection();
      expect(await run).toBeInstanceOf(RetryLater);
      proxy.restore();
      const binding = (await findBindingById(direct.db, handle.bindingId))!;
      expect(binding).toMatchObject({ status: 'active', consecutive_failures: 0, last_error_code: null });
      expect((await outlook.events(handle.calendarId)).length).toBeLessThan(before + 60);
    }

    await syncNow(stack, handle);
    const inOutlook = (await outlook.events(handle.calendarId)).map((event) => event.subject);
    for (const subject of subjects)
      expect(
        inOutlook.filter((s) => s === subject),
        subject,
      ).toHaveLength(1);
    const status = await stack.api<{ lastError: unknown; status: string }>('/api/sync/calendar', { token: admin });
    expect(status.body).toMatchObject({ status: 'active', lastError: null });
  });
});
