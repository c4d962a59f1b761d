import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTenant } from '../fixtures.js';
import { startStack, type Stack } from '../stack.js';
import { dropTestSchemas, storeKinds, TEST_DATABASE_URL } from '../stores.js';

const kinds = await storeKinds();

describe.each(kinds)('input no store can keep, and unreadable bodies ($name)', (kind) => {
  let stack: Stack;
  let admin: string;
  const schema = `test_input_${Date.now().toString(36)}`;

  beforeAll(async () => {
    if (!kind.available) return;
    stack = await startStack(
      kind.name === 'postgres' ? { databaseUrl: TEST_DATABASE_URL, databaseSchema: schema } : {},
    );
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
  });
  afterAll(async () => {
    if (!kind.available) return;
    await stack.close();
    if (kind.name === 'postgres') await dropTestSchemas(schema);
  });

  const rowCounts = async () => ({
    events: (await stack.store.db.selectFrom('events').select('id').execute()).length,
    contacts: (await stack.store.db.selectFrom('contacts').select('id').execute()).length,
  });
  const meeting = { start: '2026-12-03T09:00', end: '2026-12-03T10:00', timeZone: 'Europe/Berlin' };

  it.skipIf(!kind.available)(
    'refuses a NUL in a subject, a name, a search or a CSV with 400 and words, and stores nothing',
    async () => {
      const before = await rowCounts();
      const attempts = [
        { path: '/api/events', method: 'POST', body: { ...meeting, subject: 'Review\u0000' }, field: 'subject' },
        {
          path: '/api/contacts',
          method: 'POST',
          body: { firstName: 'Ga\u0000rth', lastName: 'Fort' },
          field: 'firstName',
        },
        { path: '/api/contacts?q=fo%00rt', method: 'GET', body: undefined, field: 'q' },
        { path: '/api/events?view=upcoming&cursor=%00', method: 'GET', body: undefined, field: 'cursor' },
        {
          path: '/api/events/import',
          method: 'POST',
          body: { csv: 'Subject,Start,End,Time Zone\nCall\u0000,2026-12-02T15:00,2026-12-02T15:30,UTC\n' },
          field: 'csv',
        },
        {
          path: '/api/contacts/import',
          method: 'POST',
          body: { csv: 'First Name,Last Name\nGarth,Fo\u0000rt\n' },
          field: 'csv',
        },
      ];
      for (const attempt of attempts) {
        const response = await stack.api(attempt.path, { token: admin, method: attempt.method, body: attempt.body });
        expect(response.status, attempt.path).toBe(400);
        expect(response.body.error, attempt.path).toBe('unstorable_text');
        expect(response.body.message, attempt.path).toContain(`field ${attempt.field} contains a character`);
      }
      const german = await stack.api('/api/events', {
        token: admin,
        method: 'POST',
        body: { ...meeting, subject: 'Review\u0000' },
        language: 'de',
      });
      expect(german.body.message).toContain('Das Feld subject enthält ein Zeichen');
      expect(await rowCounts()).toEqual(before);
    },
  );

  it.skipIf(!kind.available)('refuses a lone surrogate as PostgreSQL cannot store it either', async () => {
    const before = await rowCounts();
    // JSON.stringify would escape it as \ud800, which JSON.parse turns back into the lone surrogate.
    const body = JSON.stringify({ ...meeting, subject: 'Review \ud800' });
    expect(body).toContain('\\ud800');
    const response = await stack.api('/api/events', { token: admin, method: 'POST', body });
    expect(response).toMatchObject({ status: 400, body: { error: 'unstorable_text' } });
    // A proper pair (an emoji) is fine.
    const emoji = await stack.api('/api/events', { token: admin, method: 'POST', body: { ...meeting, subject: '🎉' } });
    expect(emoji.status).toBe(201);
    expect((await rowCounts()).events).toBe(before.events + 1);
  });

  it.skipIf(!kind.available)('answers a damaged gzip body with 400 and an unknown encoding with 415', async () => {
    const send = (encoding: string, body: Uint8Array, language = 'en') =>
      stack.fetch(`${stack.serviceUrl}/api/events`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${admin}`,
          'content-type': 'application/json',
          'content-encoding': encoding,
          'accept-language': language,
        },
        body,
      });
    const garbage = await send('gzip', Buffer.from('this is not gzip at all'));
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({
      error: 'body_unreadable',
      message: expect.stringContaining('damaged'),
    });
    const truncated = gzipSync(JSON.stringify({ ...meeting, subject: 'cut' })).subarray(0, 20);
    const german = await send('gzip', truncated, 'de');
    expect(german.status).toBe(400);
    expect(((await german.json()) as { message: string }).message).toContain('beschädigt');
    const unknown = await send('br2', Buffer.from('{}'));
    expect(unknown.status).toBe(415);
    expect(await unknown.json()).toMatchObject({ error: 'unsupported_media_type' });
    const valid = await send('gzip', gzipSync(JSON.stringify({ ...meeting, subject: 'Zipped' })));
    expect(valid.status).toBe(201);
    await valid.arrayBuffer();
  });

  it.skipIf(!kind.available)('answers a missing file under /office-js/ with 404', async () => {
    const status = async (path: string) => {
      const response = await stack.fetch(`${stack.serviceUrl}${path}`);
      await response.arrayBuffer();
      return response.status;
    };
    expect(await status('/office-js/no-such-file.js')).toBe(404);
    expect(await status('/office-js/%2e%2e/%2e%2e/package.json')).toBe(404);
    expect(await status('/office-js/office.js')).toBe(200);
  });
});
