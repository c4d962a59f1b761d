import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IMPORT_ROWS } from '../../src/crm/importRows.js';
import { MAX_MASS_UPDATE } from '../../../common/api/records.js';
import { whileWatchingHealth, type Responsiveness } from '../eventLoopGuard.js';
import { installTenant } from '../fixtures.js';
import { startStack, type ApiResponse, type Stack } from '../stack.js';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';

/**
 * What a concurrent `/healthz` may wait behind (issue 9: 200 ms), and the longest any request may hold the event
 * loop, both in the process's CPU time (other test files share the cores, so wall time says little here). Process
 * CPU also counts V8's parallel garbage collection and compiler threads, so the loop's hold gets room above the ~100 ms
 * the loop itself may take. The worst request measured 157 ms against /healthz on 2026-12-02 (a refused 1.8 MB
 * import, whose body this process also builds and sends), once the costliest parsers were warmed at start-up.
 */
const HEALTHZ_BOUND_MS = 200;
const LOOP_HOLD_BOUND_MS = 150;

interface ApiEvent {
  id: string;
  exceptions: { date: string; cancelled?: true }[];
}

const dateAfter = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const today = () => new Date().toISOString().slice(0, 10);
const cancelled = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => ({ date: dateAfter(from, i), cancelled: true as const }));

/**
 * The worst requests a member can make, each while another client calls `/healthz`: none may hold the service
 * (every tenant's requests) for longer than the bounds. The service runs in this process; on SQLite a long
 * transaction also holds the one connection every request needs. (storeKinds warns loudly when PostgreSQL is away.)
 */
describe.each((await storeKinds()).filter((kind) => kind.available))(
  'bounded work per request on $name: the worst a member can ask for leaves the service responsive',
  (kind) => {
    let stack: Stack;
    let admin: string;
    const schema = `test_bounded_${randomBytes(6).toString('hex')}`;
    const figures: string[] = [];

    beforeAll(async () => {
      stack = await startStack(
        kind.name === 'postgres'
          ? { runJobs: false, databaseUrl: TEST_DATABASE_URL, databaseSchema: schema }
          : { runJobs: false },
      );
      admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
    });
    afterAll(async () => {
      console.info(`bounded work on ${kind.name}:\n${figures.join('\n')}`);
      await stack.close();
      if (kind.name === 'postgres') await dropTestSchemas(schema);
    });

    /** Runs one request while watching /healthz, asserts the bound, and keeps the figures for the log. */
    async function responsive<T>(
      what: string,
      request: () => Promise<ApiResponse<T>>,
    ): Promise<Responsiveness<ApiResponse<T>>> {
      const watched = await whileWatchingHealth(stack, request);
      const ms = (value: number) => `${Math.round(value)} ms`;
      const figure =
        `${what}: ${watched.result.status} in ${ms(watched.ms)}; /healthz waited ${ms(watched.worstHealthzMs)} ` +
        `(${ms(watched.worstHealthzCpuMs)} CPU, ${watched.healthzCalls} calls); loop held ${ms(watched.maxLoopDelayMs)} ` +
        `(${ms(watched.maxLoopHoldCpuMs)} CPU)`;
      figures.push(figure);
      expect(watched.worstHealthzCpuMs, figure).toBeLessThan(HEALTHZ_BOUND_MS);
      expect(watched.maxLoopHoldCpuMs, figure).toBeLessThan(LOOP_HOLD_BOUND_MS);
      return watched;
    }

    /** A request of the admin's, ready to send: its JSON body is serialised now, before any measuring starts. */
    const request = <T = Record<string, unknown>>(path: string, options: { method?: string; body?: unknown } = {}) => {
      const body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      return () => stack.api<T>(path, { token: admin, ...options, ...(options.body !== undefined ? { body } : {}) });
    };
    const api = <T = Record<string, unknown>>(path: string, options: { method?: string; body?: unknown } = {}) =>
      request<T>(path, options)();

    const dailySeries = (startDate: string, range: Record<string, unknown> = { type: 'noEnd' }) => ({
      subject: 'Stand-up',
      start: `${startDate}T09:00`,
      end: `${startDate}T09:15`,
      timeZone: 'Europe/Berlin',
      recurrence: { pattern: { type: 'daily', interval: 1 }, range: { ...range, startDate } },
    });

    it('refuses dates outside 1900–2999 in words (en, de), and changes nothing', async () => {
      const series = (await api<ApiEvent>('/api/events', { method: 'POST', body: dailySeries(today()) })).body;
      const in9000 = await responsive(
        'PATCH 2,000 cancelled occurrences in the year 9000',
        request(`/api/events/${series.id}`, { method: 'PATCH', body: { exceptions: cancelled('9000-01-01', 2000) } }),
      );
      expect(in9000.result.status).toBe(400);
      expect(in9000.result.body.error).toBe('event_date_out_of_range');
      expect(in9000.result.body.message).toMatch(/^Dates must lie between 1 January 1900 and 31 December 2999/);
      const inGerman = await stack.api('/api/events', {
        token: admin,
        method: 'POST',
        body: dailySeries('0100-01-04'),
        language: 'de',
      });
      expect([inGerman.status, inGerman.body.error]).toEqual([400, 'event_date_out_of_range']);
      expect(inGerman.body.message).toMatch(/^Daten müssen zwischen dem 1. Januar 1900 und dem 31. Dezember 2999/);
      expect(
        (await api('/api/events', { method: 'POST', body: { ...dailySeries(today()), end: '3000-01-01T10:00' } })).body
          .error,
      ).toBe('event_date_out_of_range');
      const after = (await api<{ events: ApiEvent[] }>('/api/events')).body.events;
      expect(after.map((event) => [event.id, event.exceptions.length])).toEqual([[series.id, 0]]);
      await api(`/api/events/${series.id}`, { method: 'DELETE' });
    });

    it('the longest series with the most exceptions: created, changed, listed and expanded in bounded time', async () => {
      // A daily series over the whole range, with its 2,000 exceptions where they cost most: right after today (the
      // listing passes them to find the next occurrence) and at the far end (Outlook-style neighbour checks there).
      const created = await responsive(
        'POST a daily series from 1900 with 2,000 cancelled occurrences',
        request<ApiEvent>('/api/events', {
          method: 'POST',
          body: { ...dailySeries('1900-01-01'), exceptions: cancelled(dateAfter(today(), 1), 2000) },
        }),
      );
      expect(created.result.status).toBe(201);
      const id = created.result.body.id;
      const patched = await responsive(
        'PATCH its exceptions to 2,000 in December 2999 and before',
        request<ApiEvent>(`/api/events/${id}`, {
          method: 'PATCH',
          body: { exceptions: cancelled(dateAfter('2999-12-31', -1999), 2000) },
        }),
      );
      expect(patched.result.body.exceptions).toHaveLength(2000);
      const moved = Array.from({ length: 2000 }, (_, i) => {
        const date = dateAfter(today(), i + 1);
        return { date, start: `${date}T10:00`, end: `${date}T10:45`, subject: 'Moved' };
      });
      const changed = await responsive(
        'PATCH 2,000 occurrences with their own times and subject',
        request<ApiEvent>(`/api/events/${id}`, { method: 'PATCH', body: { exceptions: moved } }),
      );
      expect(changed.result.body.exceptions).toHaveLength(2000);
      await api(`/api/events/${id}`, {
        method: 'PATCH',
        body: { exceptions: cancelled(dateAfter('2999-12-31', -1999), 2000) },
      });
      const oneMore = await responsive(
        'cancel a 2,001st occurrence',
        request(`/api/events/${id}/occurrences/2026-01-05`, { method: 'DELETE' }),
      );
      expect([oneMore.result.status, oneMore.result.body.error]).toEqual([400, 'too_many_exceptions']);
      const tooMany = await responsive(
        'PATCH 2,001 exceptions',
        request(`/api/events/${id}`, { method: 'PATCH', body: { exceptions: cancelled('2990-01-01', 2001) } }),
      );
      expect([tooMany.result.status, tooMany.result.body.error]).toEqual([400, 'too_many_exceptions']);

      const december = await responsive(
        'occurrences of December 2999',
        request<{ occurrences: { cancelled: boolean }[] }>(
          `/api/events/${id}/occurrences?from=2999-12-01&to=9999-12-31`,
        ),
      );
      expect(december.result.body.occurrences).toHaveLength(31);
      expect(december.result.body.occurrences.every((occurrence) => occurrence.cancelled)).toBe(true);
      const everything = await responsive(
        'occurrences from 1900 to 9999',
        request<{ occurrences: unknown[] }>(`/api/events/${id}/occurrences?from=1900-01-01&to=9999-12-31`),
      );
      expect(everything.result.body.occurrences).toHaveLength(1000);

      // More series of the same user, as the listing places every one of them on each page.
      for (let i = 0; i < 10; i += 1) {
        await api('/api/events', {
          method: 'POST',
          body: { ...dailySeries('1900-01-01'), exceptions: cancelled(dateAfter(today(), -2), 2000) },
        });
        await api('/api/events', {
          method: 'POST',
          body: {
            ...dailySeries('1900-01-01', { type: 'endDate', endDate: '2020-12-31' }),
            exceptions: cancelled('2015-07-11', 2000),
          },
        });
      }
      for (const view of ['upcoming', 'earlier'])
        expect(
          (await responsive(`${view} view with 21 such series`, request(`/api/events?view=${view}`))).result.status,
        ).toBe(200);
      expect(
        (await responsive('events from 1900 without a view', request('/api/events?from=1900-01-01T00:00:00Z'))).result
          .status,
      ).toBe(200);
    });

    it('the largest CSV import goes in; a larger one is refused in words before it is read', async () => {
      const header = 'Subject,Start,End,Time Zone,Location,Description';
      const rows = (count: number) =>
        Array.from(
          { length: count },
          (_, i) => `"Visit ${i}, site",2027-03-01T09:00,2027-03-01T10:00,Europe/Berlin,Hamburg,"Notes ""${i}"""`,
        );
      const largest = await responsive(
        `import ${MAX_IMPORT_ROWS} events`,
        request('/api/events/import', { method: 'POST', body: { csv: [header, ...rows(MAX_IMPORT_ROWS)].join('\n') } }),
      );
      expect(largest.result.body).toEqual({ imported: MAX_IMPORT_ROWS });

      const tooLarge = `Nothing was imported: the file is too large. An import takes at most ${MAX_IMPORT_ROWS} rows and 2 MB; please split the file into smaller ones.`;
      const manyRows = (count: number) =>
        [header, ...Array.from({ length: count }, (_, i) => `R${i},2027-03-01T09:00,2027-03-01T10:00,UTC,,`)].join(
          '\n',
        );
      for (const [what, csv] of [
        ['import 100,000 events (4.4 MB)', manyRows(100_000)],
        ['import 40,000 events (1.8 MB)', manyRows(40_000)],
      ] as const) {
        const refused = await responsive(what, request('/api/events/import', { method: 'POST', body: { csv } }));
        expect([refused.result.status, refused.result.body.error, refused.result.body.message]).toEqual([
          413,
          'import_too_large',
          tooLarge,
        ]);
      }

      const contacts = [
        'First Name,Last Name,Email,Account Name,Description',
        ...Array.from(
          { length: MAX_IMPORT_ROWS },
          (_, i) => `Ada,Lovelace ${i},ada${i}@example.com,"Analytical, Ltd",Notes`,
        ),
      ];
      const contactImport = await responsive(
        `import ${MAX_IMPORT_ROWS} contacts`,
        request('/api/contacts/import', { method: 'POST', body: { csv: contacts.join('\n') } }),
      );
      expect(contactImport.result.body).toEqual({ imported: MAX_IMPORT_ROWS });
    });

    it('the deepest and the largest JSON bodies are refused at once', async () => {
      const depth = 400_000;
      const deep = `{"subject":${'['.repeat(depth)}${']'.repeat(depth)}}`;
      const refused = await responsive(
        'POST a JSON body nested 400,000 deep',
        request('/api/events', { method: 'POST', body: deep }),
      );
      expect([refused.result.status, refused.result.body.error]).toEqual([400, 'invalid_request']);
      const deepCsv = `{"csv":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
      const refusedCsv = await responsive(
        'POST a 2 MB import body nested 1,000,000 deep',
        request('/api/events/import', { method: 'POST', body: deepCsv }),
      );
      expect(refusedCsv.result.status).toBe(400);
      const large = await responsive(
        'POST a 2 MB event',
        request('/api/events', {
          method: 'POST',
          body: { ...dailySeries(today()), description: 'x'.repeat(2_000_000) },
        }),
      );
      expect([large.result.status, large.result.body.error, large.result.body.message]).toEqual([
        413,
        'payload_too_large',
        'The request is too large.',
      ]);
    });

    it('the widest pages of events and contacts', async () => {
      // Beside the 21 long series, twice the largest import of events and of contacts: more than any page holds.
      const csv = (header: string, row: (i: number) => string) =>
        [header, ...Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => row(i))].join('\n');
      await api('/api/events/import', {
        method: 'POST',
        body: { csv: csv('Subject,Start,End,Time Zone', (i) => `More ${i},2027-04-01T09:00,2027-04-01T10:00,UTC`) },
      });
      await api('/api/contacts/import', {
        method: 'POST',
        body: { csv: csv('First Name,Last Name', (i) => `Grace,Lovelace-Hopper ${i}`) },
      });
      const upcoming = await responsive(
        'upcoming, 500 a page',
        request<{ events: unknown[] }>('/api/events?view=upcoming&limit=500'),
      );
      expect(upcoming.result.body.events).toHaveLength(500);
      await responsive('earlier, 500 a page', request('/api/events?view=earlier&limit=500'));
      const all = await responsive(
        'events without a view (1,000)',
        request<{ events: { id: string }[] }>('/api/events'),
      );
      expect(all.result.body.events).toHaveLength(1000);
      const contacts = await responsive('contacts (1,000)', request<{ contacts: unknown[] }>('/api/contacts?q=love'));
      expect(contacts.result.body.contacts).toHaveLength(1000);
      const ids = all.result.body.events.slice(0, MAX_MASS_UPDATE).map((event) => event.id);
      const massUpdate = await responsive(
        `mass update of ${MAX_MASS_UPDATE} events`,
        request<{ events: unknown[] }>('/api/events/mass-update', {
          method: 'POST',
          body: { ids, changes: { showAs: 'tentative' } },
        }),
      );
      expect(massUpdate.result.body.events).toHaveLength(MAX_MASS_UPDATE);
    });
  },
);
