import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTenant, joinByInvitation } from '../fixtures.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';

interface ApiEvent {
  id: string;
  subject: string;
}

const series = (subject: string) => ({
  subject,
  description: `${subject}: confidential notes`,
  location: `${subject} room`,
  start: '2027-01-04T09:00',
  end: '2027-01-04T09:30',
  timeZone: 'Europe/Berlin',
  recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd', startDate: '2027-01-04' } },
});
const span = 'from=2027-01-04&to=2027-01-10';

describe.each(await storeKinds())(
  'a series’ occurrences are read by the rule of every read of a record ($name)',
  (kind) => {
    let stack: Stack;
    let schema: string;
    let admin: string;
    let standard: string;
    let adminSeries: ApiEvent;
    let standardSeries: ApiEvent;

    beforeAll(async () => {
      if (!kind.available) return;
      schema = `test_visibility_${randomBytes(6).toString('hex')}`;
      stack = await startStack(
        kind.name === 'postgres'
          ? { runJobs: false, databaseUrl: TEST_DATABASE_URL, databaseSchema: schema }
          : { runJobs: false },
      );
      admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
      standard = await joinByInvitation(stack, admin, 'megan.bowen@contoso.onmicrosoft.com');
      adminSeries = (await stack.api<ApiEvent>('/api/events', { token: admin, method: 'POST', body: series('Board') }))
        .body;
      standardSeries = (
        await stack.api<ApiEvent>('/api/events', { token: standard, method: 'POST', body: series('Sales') })
      ).body;
    });
    afterAll(async () => {
      if (!kind.available) return;
      await stack.close();
      if (kind.name === 'postgres') await dropTestSchemas(schema);
    });

    it.skipIf(!kind.available)(
      'a Standard user cannot read a colleague’s series by id, as lists and edits refuse it',
      async () => {
        const listed = await stack.api<{ events: ApiEvent[] }>('/api/events', { token: standard });
        expect(listed.body.events.map((event) => event.id)).toEqual([standardSeries.id]);
        const edit = await stack.api(`/api/events/${adminSeries.id}`, {
          token: standard,
          method: 'PATCH',
          body: { subject: 'Mine now' },
        });
        expect(edit.status).toBe(403);

        const read = await stack.api(`/api/events/${adminSeries.id}/occurrences?${span}`, {
          token: standard,
          language: 'de',
        });
        expect([read.status, read.body.error, read.body.message]).toEqual([
          404,
          'event_not_found',
          'Dieses Ereignis gibt es nicht oder es wurde gelöscht.',
        ]);
        expect(JSON.stringify(read.body)).not.toMatch(/Board|confidential/);
      },
    );

    it.skipIf(!kind.available)('the owner and an administrator (who manages all records) read it', async () => {
      const own = await stack.api<{ occurrences: { subject: string }[] }>(
        `/api/events/${standardSeries.id}/occurrences?${span}`,
        { token: standard },
      );
      expect(own.status).toBe(200);
      expect(own.body.occurrences).toHaveLength(7);
      const byAdmin = await stack.api<{ occurrences: { subject: string; location: string }[] }>(
        `/api/events/${standardSeries.id}/occurrences?${span}`,
        { token: admin },
      );
      expect(byAdmin.status).toBe(200);
      expect(byAdmin.body.occurrences[0]).toMatchObject({ subject: 'Sales', location: 'Sales room' });
    });
  },
);
