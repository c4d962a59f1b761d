import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ENDPOINTS, type Endpoint } from '../../../common/api/endpoints.js';
import { openApiDocument } from '../../../common/api/openapi.js';
import { createApp } from '../../src/http/app.js';
import { routesOf } from '../appRoutes.js';
import { installTenant } from '../fixtures.js';
import { startStack, type Stack } from '../stack.js';

const endpointOf = (method: Endpoint['method'], path: string): Endpoint => {
  const endpoint = ENDPOINTS.find((candidate) => candidate.method === method && candidate.path === path);
  if (!endpoint) throw new Error(`${method} ${path} is not in the contract`);
  return endpoint;
};

describe('the API contract', () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack({ runJobs: false });
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
  });
  afterAll(async () => {
    await stack.close();
  });

  it('lists exactly the /api routes the service answers', () => {
    const answered = routesOf(createApp(stack.deps))
      .filter((route) => route.path.startsWith('/api/'))
      .map((route) => `${route.method} ${route.path}`);
    const described = ENDPOINTS.map((endpoint) => `${endpoint.method} ${endpoint.path}`);
    expect([...answered].sort()).toEqual([...described].sort());
  });

  it('is published without sign-in at /api/openapi.json', async () => {
    const response = await stack.api<Record<string, unknown>>('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.body).toEqual(openApiDocument());
    expect(Object.keys(response.body.paths as object)).toContain('/api/events/{id}/occurrences/{date}');
  });

  /** Calls the API as the add-in does and checks the answer against the endpoint's response schema. */
  const call = async (method: Endpoint['method'], template: string, path: string, body?: unknown) => {
    const endpoint = endpointOf(method, template);
    const response = await stack.api<unknown>(path, {
      token: admin,
      method: method.toUpperCase(),
      ...(body !== undefined ? { body } : {}),
    });
    expect(response.status, `${method} ${path}: ${JSON.stringify(response.body).slice(0, 300)}`).toBe(endpoint.status);
    const parsed = (endpoint.response as z.ZodType).safeParse(response.body);
    expect(parsed.error?.issues ?? [], `${method} ${path} answered outside its schema`).toEqual([]);
    return response.body as Record<string, unknown>;
  };

  it('answers as its response schemas say', async () => {
    await call('get', '/api/config', '/api/config');
    await call('get', '/api/me', '/api/me');
    await call('get', '/api/changes', '/api/changes');
    await call('get', '/api/users', '/api/users');
    await call('get', '/api/directory-users', '/api/directory-users');
    const invited = await call('post', '/api/invitations', '/api/invitations', { email: 'new@example.org' });
    const invitationId = (invited.outcomes as { invitationId: string }[])[0]!.invitationId;
    await call('post', '/api/invitations/:id/resend', `/api/invitations/${invitationId}/resend`);

    const series = await call('post', '/api/events', '/api/events', {
      subject: 'Weekly review',
      start: '2026-12-03T09:00',
      end: '2026-12-03T10:00',
      timeZone: 'Europe/Berlin',
      attendees: [{ email: 'max@example.org', name: 'Max' }],
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['thursday'] },
        range: { type: 'numbered', startDate: '2026-12-03', numberOfOccurrences: 5 },
      },
    });
    const id = String(series.id);
    await call('patch', '/api/events/:id', `/api/events/${id}`, { location: 'Elbe' });
    await call('patch', '/api/events/:id/occurrences/:date', `/api/events/${id}/occurrences/2026-12-10`, {
      subject: 'Review, moved',
    });
    await call('delete', '/api/events/:id/occurrences/:date', `/api/events/${id}/occurrences/2026-12-17`);
    await call('get', '/api/events/:id/occurrences', `/api/events/${id}/occurrences?from=2026-12-01&to=2026-12-31`);
    await call('get', '/api/events', '/api/events?view=upcoming&limit=5');
    await call('get', '/api/events', '/api/events');

    const contact = await call('post', '/api/contacts', '/api/contacts', {
      firstName: 'Garth',
      lastName: 'Fort',
      email: 'garth@fabrikam.example',
      dateOfBirth: '1980-04-23',
    });
    await call('patch', '/api/contacts/:id', `/api/contacts/${String(contact.id)}`, { title: 'CTO' });
    await call('get', '/api/contacts', '/api/contacts?q=Fort');
    await call('get', '/api/contacts/lookup', '/api/contacts/lookup?email=garth@fabrikam.example');

    await call('get', '/api/sync/calendar', '/api/sync/calendar');
    await call('get', '/api/sync/contacts', '/api/sync/contacts');
    await call('get', '/api/sync/contacts/mapping', '/api/sync/contacts/mapping');
    await call('get', '/api/sync/failing', '/api/sync/failing');
    await call('get', '/api/sync/calendar/set-aside', '/api/sync/calendar/set-aside');
  });
});
