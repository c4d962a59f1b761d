import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ENDPOINTS } from '../../../common/api/endpoints.js';
import { createApp } from '../../src/http/app.js';
import { routesOf, type Route } from '../appRoutes.js';
import { installTenant } from '../fixtures.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';
import { zodArbitrary } from '../zodArbitrary.js';

/** The body schema of each route, from the contract the routes parse with. */
const BODY_SCHEMAS: Record<string, z.ZodType> = Object.fromEntries(
  ENDPOINTS.flatMap((endpoint) => (endpoint.body ? [[`${endpoint.method} ${endpoint.path}`, endpoint.body]] : [])),
);

/** A body each route accepts; one of its fields replaced by anything makes a request that gets past the first check. */
const VALID_EXAMPLES: Record<string, Record<string, unknown>> = {
  'post /api/events': {
    subject: 'Review',
    start: '2026-12-03T09:00',
    end: '2026-12-03T10:00',
    timeZone: 'Europe/Berlin',
    location: 'Elbe',
    description: 'Notes',
  },
  'patch /api/events/:id': { subject: 'Review', location: 'Elbe', showAs: 'busy' },
  'post /api/contacts': { firstName: 'Garth', lastName: 'Fort', email: 'garth@fabrikam.example', title: 'CEO' },
  'patch /api/contacts/:id': { title: 'CTO', phone: '+49 40 123' },
  'post /api/events/import': { csv: 'Subject,Start,End,Time Zone\nCall,2026-12-02T15:00,2026-12-02T15:30,UTC\n' },
  'post /api/contacts/import': { csv: 'First Name,Last Name\nGarth,Fort\n' },
  'post /api/invitations': { email: 'someone@fabrikam.example', name: 'Someone' },
  'post /api/account-links': { email: 'max@northwind.example', password: 'secret' },
  'post /api/mails/lookup': { internetMessageId: '<a@northwind.example>', addresses: ['garth@northwind.example'] },
};

/** An example with one field set to an arbitrary value (text with NUL or lone surrogates, huge numbers, objects). */
function mutated(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(example);
  const anything = fc.oneof(
    fc.constantFrom('\u0000', 'a\u0000b', '\ud800', '\udfff x', 'x'.repeat(100_000), '', null, -1, 1e308, true, [], {}),
    fc.string({ unit: 'binary', maxLength: 20 }),
    fc.jsonValue({ maxDepth: 2 }),
  );
  return fc.tuple(fc.constantFrom(...keys), anything).map(([key, value]) => ({ ...example, [key]: value }));
}

const QUERY_NAMES = ['q', 'view', 'limit', 'cursor', 'from', 'to', 'email', 'search', 'attendee', 'state', 'code'];
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }));

const kinds = await storeKinds();

describe.each(kinds)('random bodies on every route ($name)', (kind) => {
  let stack: Stack;
  let admin: string;
  let routes: Route[];
  const fixtures: Record<string, string> = {};

  /** Every table a request could change, except the lockout counter a failed "Link my account" must write. */
  const snapshot = async () => {
    const tables = [
      'organisations',
      'users',
      'tenant_installations',
      'invitations',
      'access_requests',
      'events',
      'contacts',
      'sync_bindings',
      'sync_links',
      'sync_outbox',
      'sync_log',
      'contact_field_mappings',
      'filed_mails',
      'filed_mail_links',
      'filed_mail_filers',
    ] as const;
    const rows = await Promise.all(tables.map((table) => stack.store.db.selectFrom(table).selectAll().execute()));
    return JSON.stringify(rows);
  };

  const schema = `test_fuzz_${Date.now().toString(36)}`;

  beforeAll(async () => {
    if (!kind.available) return;
    stack = await startStack({
      runJobs: false,
      ...(kind.name === 'postgres' ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema } : {}),
    });
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
    const meeting = { subject: 'Fixture', start: '2026-12-03T09:00', end: '2026-12-03T10:00', timeZone: 'UTC' };
    fixtures.event = String((await stack.api('/api/events', { token: admin, method: 'POST', body: meeting })).body.id);
    fixtures.contact = String(
      (await stack.api('/api/contacts', { token: admin, method: 'POST', body: { lastName: 'Fixture' } })).body.id,
    );
    const invited = await stack.api<{ outcomes: { invitationId: string }[] }>('/api/invitations', {
      token: admin,
      method: 'POST',
      body: { email: 'fixture@example.org' },
    });
    fixtures.invitation = invited.body.outcomes[0]!.invitationId;
    routes = routesOf(createApp(stack.deps));
  });
  afterAll(async () => {
    if (!kind.available) return;
    await stack.close();
    if (kind.name === 'postgres') await dropTestSchemas(schema);
  });

  /** A route's path with real ids, so a request passes its parameters and reaches the body; DELETE gets unknown ids. */
  const concretePath = (route: Route) =>
    route.path.replace(':date', '2026-12-10').replace(':id', () => {
      if (route.method === 'delete') return crypto.randomUUID();
      if (route.path.startsWith('/api/events')) return fixtures.event!;
      if (route.path.startsWith('/api/contacts')) return fixtures.contact!;
      if (route.path.startsWith('/api/invitations')) return fixtures.invitation!;
      return crypto.randomUUID();
    });

  it.skipIf(!kind.available)('finds the routes', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toContainEqual({ method: 'post', path: '/api/events' });
  });

  it.skipIf(!kind.available)(
    'answers random input with 2xx or 4xx, never 5xx, and a 4xx changes nothing',
    async () => {
      const outcomes: Record<string, Record<number, number>> = {};
      for (const route of routes.filter((r) => typeof r.path === 'string')) {
        const key = `${route.method} ${route.path}`;
        const schema = BODY_SCHEMAS[key];
        const example = VALID_EXAMPLES[key];
        const body = fc.oneof(
          ...(schema ? [{ weight: 3, arbitrary: zodArbitrary(schema) }] : []),
          ...(example ? [{ weight: 3, arbitrary: mutated(example) }] : []),
          { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
          { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map((raw) => ({ raw })) },
        );
        const query = fc.dictionary(fc.constantFrom(...QUERY_NAMES), text, { maxKeys: 3 });
        await fc.assert(
          fc.asyncProperty(body, query, async (value, params) => {
            const before = await snapshot();
            const search = new URLSearchParams(params).toString();
            const raw = typeof value === 'object' && value !== null && 'raw' in value ? String(value.raw) : undefined;
            const response = await stack.fetch(
              `${stack.serviceUrl}${concretePath(route)}${search ? `?${search}` : ''}`,
              {
                method: route.method.toUpperCase(),
                headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
                ...(route.method === 'get' ? {} : { body: raw ?? JSON.stringify(value ?? null) }),
              },
            );
            const text = await response.text();
            (outcomes[key] ??= {})[response.status] = (outcomes[key][response.status] ?? 0) + 1;
            expect(response.status, `${key} answered ${text.slice(0, 300)}`).toBeLessThan(500);
            if (response.status >= 400) expect(await snapshot(), `${key} ${response.status} changed data`).toBe(before);
          }),
          { numRuns: 8, endOnFailure: true },
        );
      }
      // Each route was reached: a 401 everywhere would mean the token stopped working and proved nothing.
      expect(
        Object.values(outcomes).some((counts) => Object.keys(counts).some((status) => status.startsWith('2'))),
      ).toBe(true);
    },
    180_000,
  );
});
