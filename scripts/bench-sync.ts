import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { ensureLocalCertificates, startDevTenant } from '../devtenant/src/index.js';
import { loadConfig } from '../server/src/config/config.js';
import { EMPTY_CONTACT } from '../common/api/contacts.js';
import { contentColumns as contactColumns } from '../server/src/crm/contacts/contactRecords.js';
import { contentColumns } from '../server/src/crm/events/eventRecords.js';
import { startService } from '../server/src/service.js';
import { FormBrowser } from '../server/test/formBrowser.js';
import { LOCAL_CLIENT_ID, localAppRegistration } from './localAppRegistration.js';

/**
 * `npx tsx scripts/bench-sync.ts` (or with BENCH_KIND=contacts): measures, against the local tenant with
 * 50 ms latency per Graph request, the Graph requests and the time of a first sync (5,000 events or 10,000
 * contacts), and the seconds from a change on one side to its arrival on the other (p50, p95) over 100 changes each way.
 */
const KIND = (process.env.BENCH_KIND ?? 'calendar') as 'calendar' | 'contacts';
const EVENTS = Number(process.env.BENCH_EVENTS ?? (KIND === 'calendar' ? 5000 : 10_000));
const CHANGES = Number(process.env.BENCH_CHANGES ?? 100);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 50);

const dir = mkdtempSync(join(tmpdir(), 'crm-bench-'));
const certificates = await ensureLocalCertificates(join(dir, 'certs'));
const dispatcher = new Agent({ connect: { ca: certificates.caCertPem } });
const fetch = async (url: string, init?: RequestInit) =>
  (await undiciFetch(url, { ...(init as object), dispatcher })) as unknown as Response;
const tenant = await startDevTenant({
  port: 0,
  tls: { cert: certificates.certPem, key: certificates.keyPem, ca: certificates.caCertPem },
  apps: [],
});
const port = await freePort();
const publicUrl = `https://localhost:${port}`;
const clientSecret = randomBytes(16).toString('hex');
tenant.registerApp(localAppRegistration(publicUrl, clientSecret, 'Zoho CRM'));
const service = await startService(
  loadConfig({
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    DATABASE_URL: process.env.DATABASE_URL ?? `sqlite:${join(dir, 'crm.sqlite')}`,
    AUTHORITY_HOST: tenant.url,
    GRAPH_BASE_URL: `${tenant.url}/v1.0`,
    CLIENT_ID: LOCAL_CLIENT_ID,
    CLIENT_SECRET: clientSecret,
    STATE_SECRET: randomBytes(32).toString('hex'),
    TLS_CERT_FILE: certificates.certPath,
    TLS_KEY_FILE: certificates.keyPath,
    EXTRA_CA_CERTS_FILE: certificates.caCertPath,
    LOG_LEVEL: 'error',
  }),
);
const db = service.deps.store.db;
const apiToken = await token(
  'admin@contoso.onmicrosoft.com',
  `api://localhost:${port}/${LOCAL_CLIENT_ID}/access_as_user`,
);

const browser = new FormBrowser(fetch);
await (
  await (await browser.open(String((await api('/api/me')).installUrl))).submit('login', 'admin@contoso.onmicrosoft.com')
).submit('passwd', tenant.password);
await browser.submit('decision', 'accept');
const member = (await api('/api/organisations', 'POST', { acceptTerms: true })) as {
  user: { id: string };
  organisation: { id: string };
};
if (KIND === 'calendar') await seedEvents(member.organisation.id, member.user.id);
else await seedContacts(member.organisation.id, member.user.id);
// The person's own Outlook token (delegated), for making changes "in Outlook"; needs the consent given above.
const graphToken = await token(
  'admin@contoso.onmicrosoft.com',
  'https://graph.microsoft.com/Calendars.ReadWrite https://graph.microsoft.com/Contacts.ReadWrite',
);

tenant.knobs.update({ latencyMs: LATENCY_MS });
await fetch(`${tenant.url}/_devtenant/api/request-counts/reset`, { method: 'POST' });
const started = performance.now();
await api(`/api/sync/${KIND}/enable`, 'POST');
let binding = await db.selectFrom('sync_bindings').selectAll().where('kind', '=', KIND).executeTakeFirstOrThrow();
while (binding.stage !== 'incremental' || !binding.last_success_at) {
  await sleep(50);
  binding = await db.selectFrom('sync_bindings').selectAll().where('kind', '=', KIND).executeTakeFirstOrThrow();
}
const firstSyncSeconds = (performance.now() - started) / 1000;
const counts = (await (await fetch(`${tenant.url}/_devtenant/api/request-counts`)).json()) as {
  total: number;
  batchRequests: number;
  mailboxes: Record<string, Record<string, number>>;
};
const calendarId = binding.container_id!;
const itemsPath = KIND === 'calendar' ? `calendars/${calendarId}/events` : `contactFolders/${calendarId}/contacts`;
const outlookItems = async (named?: string) => {
  // Polling asks for the one item by name, so that reading the whole calendar does not slow the tenant being measured.
  const filter =
    named === undefined ? '' : `?${KIND === 'calendar' ? 'subject' : 'surname'}=${encodeURIComponent(named)}`;
  return (
    (await (
      await fetch(`${tenant.url}/_devtenant/api/mailboxes/admin%40contoso.onmicrosoft.com/${itemsPath}${filter}`)
    ).json()) as { value: { subject?: string; surname?: string }[] }
  ).value;
};
const inOutlook = (await outlookItems()).length;
const noun = KIND === 'calendar' ? 'events' : 'contacts';

console.log(
  `First sync of ${EVENTS} ${noun} at ${LATENCY_MS} ms Graph latency: ${firstSyncSeconds.toFixed(1)} s, ${inOutlook} ${noun} in Outlook`,
);
const inner = Object.values(counts.mailboxes).reduce((sum, byMethod) => sum + (byMethod.total ?? 0), 0);
const batched = Math.min(inner, counts.batchRequests * 20);
console.log(
  `  Graph requests: ${counts.batchRequests} $batch requests carrying the creates, plus ${counts.total - batched} single requests (calendar, subscription, delta pages, token-free reads); per method inside the mailbox: ${JSON.stringify(counts.mailboxes)}`,
);

const crmToOutlook: number[] = [];
for (let i = 0; i < CHANGES; i += 1) {
  const subject = `CRM change ${i}`;
  const begun = performance.now();
  if (KIND === 'calendar')
    await api('/api/events', 'POST', {
      subject,
      start: '2027-02-01T09:00',
      end: '2027-02-01T10:00',
      timeZone: 'Europe/Berlin',
    });
  else await api('/api/contacts', 'POST', { lastName: subject });
  for (;;) {
    if ((await outlookItems(subject)).length > 0) break;
    await sleep(10);
  }
  crmToOutlook.push((performance.now() - begun) / 1000);
}

const outlookToCrm: number[] = [];
for (let i = 0; i < CHANGES; i += 1) {
  const subject = `Outlook change ${i}`;
  const begun = performance.now();
  if (KIND === 'calendar')
    await graph(`/me/calendars/${calendarId}/events`, {
      subject,
      start: { dateTime: '2027-02-02T09:00', timeZone: 'Europe/Berlin' },
      end: { dateTime: '2027-02-02T10:00', timeZone: 'Europe/Berlin' },
    });
  else await graph(`/me/contactFolders/${calendarId}/contacts`, { surname: subject });
  for (;;) {
    const arrived =
      KIND === 'calendar'
        ? await db.selectFrom('events').select('id').where('subject', '=', subject).executeTakeFirst()
        : await db.selectFrom('contacts').select('id').where('last_name', '=', subject).executeTakeFirst();
    if (arrived) break;
    await sleep(10);
  }
  outlookToCrm.push((performance.now() - begun) / 1000);
}
console.log(`Change to arrival, ${CHANGES} changes each way at ${LATENCY_MS} ms Graph latency:`);
console.log(
  `  CRM → Outlook: p50 ${percentile(crmToOutlook, 50).toFixed(2)} s, p95 ${percentile(crmToOutlook, 95).toFixed(2)} s, max ${Math.max(...crmToOutlook).toFixed(2)} s`,
);
console.log(
  `  Outlook → CRM: p50 ${percentile(outlookToCrm, 50).toFixed(2)} s, p95 ${percentile(outlookToCrm, 95).toFixed(2)} s, max ${Math.max(...outlookToCrm).toFixed(2)} s`,
);

await service.close();
await tenant.close();
await dispatcher.close();

async function seedContacts(organisationId: string, ownerId: string): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < EVENTS; i += 1) {
      await trx
        .insertInto('contacts')
        .values({
          id: randomUUID(),
          organisation_id: organisationId,
          owner_user_id: ownerId,
          ...contactColumns({
            ...EMPTY_CONTACT,
            firstName: 'Person',
            lastName: `Contact ${i}`,
            email: `contact${i}@example.com`,
            accountName: 'Fabrikam',
            mobile: '+49 170 555 0100',
          }),
          origin: 'crm',
          sync_eligible: 1,
          version: 1,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .execute();
    }
  });
}

async function seedEvents(organisationId: string, ownerId: string): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < EVENTS; i += 1) {
      // Hourly slots around now, written in UTC so no slot falls into a daylight-saving gap.
      const start = new Date(Date.now() + (i - 1000) * 3_600_000).toISOString().slice(0, 16);
      const end = new Date(Date.now() + (i - 1000) * 3_600_000 + 1_800_000).toISOString().slice(0, 16);
      await trx
        .insertInto('events')
        .values({
          id: randomUUID(),
          organisation_id: organisationId,
          owner_user_id: ownerId,
          ...contentColumns({
            subject: `Event ${i}`,
            description: 'Seeded for the benchmark',
            location: 'Room 1',
            start,
            end,
            timeZone: 'UTC',
            isAllDay: false,
            attendees: [],
            reminderMinutes: 15,
            showAs: 'busy',
            recurrence: null,
            exceptions: [],
          }),
          ical_uid: null,
          origin: 'crm',
          sync_eligible: 1,
          version: 1,
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .execute();
    }
  });
}

async function api(path: string, method = 'GET', body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${publicUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${apiToken}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function graph(path: string, body: unknown): Promise<void> {
  const response = await fetch(`${tenant.url}/v1.0${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${graphToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

async function token(upn: string, scope: string): Promise<string> {
  const response = await fetch(`${tenant.url}/organizations/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: LOCAL_CLIENT_ID,
      client_secret: clientSecret,
      username: upn,
      password: tenant.password,
      scope,
    }).toString(),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port: free } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return free;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
