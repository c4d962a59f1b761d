import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, fetch as undiciFetch } from 'undici';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ensureLocalCertificates, startDevTenant, type RunningDevTenant } from '../../../devtenant/src/index.js';
import { LOCAL_CLIENT_ID, localAppRegistration } from '../../../scripts/localAppRegistration.js';
import { contentColumns as contactColumns } from '../../src/crm/contacts/contactRecords.js';
import { EMPTY_CONTACT } from '../../../common/api/contacts.js';
import { contentColumns } from '../../src/crm/events/eventRecords.js';
import { CRM_CONTACT_ID_PROPERTY } from '../../src/sync/contacts/contactAdapter.js';
import { openStore, type Store } from '../../src/store/database.js';
import { CRM_EVENT_ID_PROPERTY } from '../../src/sync/calendar/graphEvent.js';
import { FormBrowser } from '../formBrowser.js';
import { Random } from '../convergence/random.js';
import { ServiceProcess } from './serviceProcess.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 6);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A first sync of `count` items (events or contacts) whose service process is SIGKILLed at random points and
 * restarted; at the end the container holds exactly `count` items, none twice.
 */
export function crashSuite(kind: 'calendar' | 'contacts', count: number): void {
  const EVENTS = count;
  const noun = kind === 'calendar' ? 'events' : 'contacts';
  describe(`a first sync of ${count} ${noun} survives SIGKILL at random points`, () => {
    let tenant: RunningDevTenant;
    let service: ServiceProcess;
    let store: Store;
    let dispatcher: Agent;

    beforeAll(async () => {
      const certificates = await ensureLocalCertificates(inject('certificatesDir'));
      dispatcher = new Agent({ connect: { ca: certificates.caCertPem } });
      tenant = await startDevTenant({
        port: 0,
        tls: { cert: certificates.certPem, key: certificates.keyPem, ca: certificates.caCertPem },
        apps: [],
      });
      // 10,000 contacts are more creates than Outlook's 10,000 requests per 10 minutes: the last ones would wait out
      // a 429 for minutes (graphRequestBudget.test.ts covers that). This test is about kills, so it gets room.
      tenant.knobs.update({ requestBudget: { requests: 3 * EVENTS, windowSeconds: 600 } });
      const port = await freePort();
      const publicUrl = `https://localhost:${port}`;
      const clientSecret = randomBytes(16).toString('hex');
      tenant.registerApp(localAppRegistration(publicUrl, clientSecret, 'Zoho CRM'));
      const databaseFile = join(mkdtempSync(join(tmpdir(), 'crm-crash-')), 'crm.sqlite');
      const fetch = async (url: string, init?: RequestInit) =>
        (await undiciFetch(url, { ...(init as object), dispatcher })) as unknown as Response;
      service = new ServiceProcess(
        {
          PORT: String(port),
          PUBLIC_URL: publicUrl,
          DATABASE_URL: `sqlite:${databaseFile}`,
          AUTHORITY_HOST: tenant.url,
          GRAPH_BASE_URL: `${tenant.url}/v1.0`,
          CLIENT_ID: LOCAL_CLIENT_ID,
          CLIENT_SECRET: clientSecret,
          STATE_SECRET: randomBytes(32).toString('hex'),
          TLS_CERT_FILE: certificates.certPath,
          TLS_KEY_FILE: certificates.keyPath,
          EXTRA_CA_CERTS_FILE: certificates.caCertPath,
          LOG_LEVEL: 'error',
        },
        `${publicUrl}/healthz`,
        (url) => fetch(url),
      );
      await service.start();
      store = await openStore(`sqlite:${databaseFile}`);

      // The administrator installs the app and creates the organisation, as in production.
      const token = async (upn: string) => {
        const response = await fetch(`${tenant.url}/organizations/oauth2/v2.0/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'password',
            client_id: LOCAL_CLIENT_ID,
            client_secret: clientSecret,
            username: upn,
            password: tenant.password,
            scope: `api://localhost:${port}/${LOCAL_CLIENT_ID}/access_as_user`,
          }).toString(),
        });
        return ((await response.json()) as { access_token: string }).access_token;
      };
      const api = async (path: string, method = 'GET', body?: unknown) =>
        (
          await fetch(`${publicUrl}${path}`, {
            method,
            headers: {
              authorization: `Bearer ${await token('admin@contoso.onmicrosoft.com')}`,
              'content-type': 'application/json',
            },
            ...(body ? { body: JSON.stringify(body) } : {}),
          })
        ).json() as Promise<Record<string, unknown>>;
      const browser = new FormBrowser(fetch);
      await (
        await (
          await browser.open(String((await api('/api/me')).installUrl))
        ).submit('login', 'admin@contoso.onmicrosoft.com')
      ).submit('passwd', tenant.password);
      await browser.submit('decision', 'accept');
      const member = (await api('/api/organisations', 'POST', { acceptTerms: true })) as {
        user: { id: string };
        organisation: { id: string };
      };

      // The administrator's items, written straight into the store (an import would leave them unsynced).
      const now = new Date().toISOString();
      await store.db.transaction().execute(async (trx) => {
        for (let i = 0; i < EVENTS && kind === 'contacts'; i += 1) {
          await trx
            .insertInto('contacts')
            .values({
              id: randomUUID(),
              organisation_id: member.organisation.id,
              owner_user_id: member.user.id,
              ...contactColumns({
                ...EMPTY_CONTACT,
                firstName: 'Person',
                lastName: `Contact ${i}`,
                email: `contact${i}@example.com`,
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
        for (let i = 0; i < EVENTS && kind === 'calendar'; i += 1) {
          const start = new Date(Date.now() + (i - 1000) * 3_600_000).toISOString().slice(0, 16);
          const end = new Date(Date.now() + (i - 1000) * 3_600_000 + 1_800_000).toISOString().slice(0, 16);
          await trx
            .insertInto('events')
            .values({
              id: randomUUID(),
              organisation_id: member.organisation.id,
              owner_user_id: member.user.id,
              ...contentColumns({
                subject: `Event ${i}`,
                description: '',
                location: '',
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
      expect((await api(`/api/sync/${kind}/enable`, 'POST')).enabled).toBe(true);
    }, 120_000);

    afterAll(async () => {
      await service?.kill();
      await store?.close();
      await tenant?.close();
      await dispatcher?.close();
    });

    it(`ends with exactly ${EVENTS} ${noun} in Microsoft 365, none twice, after ${KILLS} kills`, async () => {
      const random = new Random(Number(process.env.CRASH_SEED ?? Date.now() % 100_000));
      const binding = () => store.db.selectFrom('sync_bindings').selectAll().executeTakeFirstOrThrow();
      const killedAt: number[] = [];
      for (let kill = 0; kill < KILLS; kill += 1) {
        await new Promise((resolve) => setTimeout(resolve, 300 + random.int(1500)));
        const before = await binding();
        if (before.stage !== 'initial') break;
        await service.kill();
        killedAt.push((await binding()).initial_done);
        await service.start();
      }
      const deadline = Date.now() + 120_000;
      while ((await binding()).stage !== 'incremental') {
        if (Date.now() > deadline)
          throw new Error(
            `first sync did not finish: ${JSON.stringify(await binding())}\n${service.output.slice(-2000)}`,
          );
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const { container_id: calendarId, initial_done: done, initial_total: total } = await binding();
      const path = kind === 'calendar' ? `calendars/${calendarId}/events` : `contactFolders/${calendarId}/contacts`;
      const items = (await (
        await undiciFetch(`${tenant.url}/_devtenant/api/mailboxes/admin%40contoso.onmicrosoft.com/${path}`, {
          dispatcher,
        })
      ).json()) as {
        value: {
          subject?: string;
          surname?: string;
          singleValueExtendedProperties?: { id: string; value: string }[];
        }[];
      };
      const events = { value: items.value.map((item) => ({ ...item, subject: item.subject ?? item.surname ?? '' })) };
      const stamp = kind === 'calendar' ? CRM_EVENT_ID_PROPERTY : CRM_CONTACT_ID_PROPERTY;
      const crmIds = events.value.map(
        (event) => event.singleValueExtendedProperties?.find((p) => p.id === stamp)?.value,
      );
      console.log(
        `crash test (${noun}): killed at ${killedAt.join(', ')} of ${EVENTS} (seed ${random.seed}); finished ${done}/${total}`,
      );
      expect(killedAt.length).toBeGreaterThan(0);
      expect(events.value).toHaveLength(EVENTS);
      expect(new Set(crmIds).size).toBe(EVENTS);
      expect(new Set(events.value.map((event) => event.subject)).size).toBe(EVENTS);
      const links = await store.db
        .selectFrom('sync_links')
        .select(['graph_id'])
        .where('graph_id', 'is not', null)
        .execute();
      expect(new Set(links.map((link) => link.graph_id)).size).toBe(EVENTS);
    }, 300_000);
  });
}
