import { randomBytes, randomUUID } from 'node:crypto';
import { CONTOSO_TENANT_ID, FABRIKAM_TENANT_ID } from '../../devtenant/src/index.js';
import { contentColumns } from '../../server/src/crm/events/eventRecords.js';
import { FormBrowser } from '../../server/test/formBrowser.js';
import type { BenchEnvironment } from './benchEnvironment.js';
import { inParallel, shuffle, sleep, until } from './benchUtil.js';

/** One person of the organisation, with the mailbox their calendar syncs to. */
export interface Mailbox {
  upn: string;
  tenantId: string;
  userId: string;
  apiToken: string;
  calendarId?: string;
  enabledAt?: number;
  doneAt?: number;
}

/** Admins install the app for both tenants; `count` generated people join and get `events` CRM events each. */
export async function seedOrganisation(envt: BenchEnvironment, count: number, events: number): Promise<Mailbox[]> {
  const tenants = [
    { id: CONTOSO_TENANT_ID, domain: 'contoso.onmicrosoft.com' },
    { id: FABRIKAM_TENANT_ID, domain: 'fabrikam.onmicrosoft.com' },
  ];
  const mailboxes: Mailbox[] = [];
  for (const [index, tenant] of tenants.entries()) {
    const people = index === 0 ? Math.ceil(count / 2) : Math.floor(count / 2);
    if (people === 0) continue;
    const adminUpn = `admin@${tenant.domain}`;
    const admin = await envt.userToken(adminUpn);
    const me = await envt.api<{ installUrl: string }>(admin, '/api/me');
    const browser = new FormBrowser(envt.fetch);
    await (
      await (await browser.open(me.body.installUrl)).submit('login', adminUpn)
    ).submit('passwd', envt.tenant.password);
    await browser.submit('decision', 'accept');
    const created = await envt.api(admin, '/api/organisations', 'POST', { acceptTerms: true });
    if (created.status !== 201) throw new Error(`organisation not created: ${JSON.stringify(created.body)}`);
    const upns = Array.from({ length: people }, (_, i) => `person${String(i + 1).padStart(4, '0')}@${tenant.domain}`);
    await inParallel(upns, 8, async (upn) => {
      const invited = await envt.api(admin, '/api/invitations', 'POST', { email: upn });
      if (invited.status !== 201) throw new Error(`invitation of ${upn} failed: ${JSON.stringify(invited.body)}`);
      const token = await envt.userToken(upn);
      const joined = await envt.api<{ user?: { id: string } }>(token, '/api/invitations/accept', 'POST', {
        acceptTerms: true,
      });
      const userId = joined.body.user?.id;
      if (!userId) throw new Error(`${upn} could not join: ${JSON.stringify(joined.body)}`);
      mailboxes.push({ upn, tenantId: tenant.id, userId, apiToken: token });
    });
  }
  const organisations = await envt.store.db.selectFrom('users').select(['id', 'organisation_id']).execute();
  const organisationOf = new Map(organisations.map((u) => [u.id, u.organisation_id]));
  const now = Date.now();
  const stamp = new Date().toISOString();
  for (const mailbox of mailboxes) {
    const rows = Array.from({ length: events }, (_, i) => {
      // Hourly slots around now (a fifth in the past), in UTC so no slot falls into a daylight-saving gap.
      const start = new Date(now + (i - Math.floor(events / 5)) * 3_600_000);
      return {
        id: randomUUID(),
        organisation_id: organisationOf.get(mailbox.userId)!,
        owner_user_id: mailbox.userId,
        ...contentColumns({
          subject: `Event ${i} of ${mailbox.upn}`,
          description: 'Seeded for the organisation benchmark',
          location: 'Room 1',
          start: start.toISOString().slice(0, 16),
          end: new Date(start.getTime() + 1_800_000).toISOString().slice(0, 16),
          timeZone: 'UTC',
          isAllDay: false,
          attendees: [],
          reminderMinutes: 15,
          showAs: 'busy',
          recurrence: null,
          exceptions: [],
        }),
        ical_uid: null,
        origin: 'crm' as const,
        sync_eligible: 1,
        version: 1,
        created_at: stamp,
        updated_at: stamp,
        deleted_at: null,
      };
    });
    for (let from = 0; from < rows.length; from += 500)
      await envt.store.db
        .insertInto('events')
        .values(rows.slice(from, from + 500))
        .execute();
  }
  return mailboxes;
}

/** Turns calendar sync on for every mailbox at once and waits until each finished its first sync. */
export async function firstSyncs(envt: BenchEnvironment, mailboxes: Mailbox[], timeoutMs: number): Promise<number> {
  const started = performance.now();
  await inParallel(mailboxes, 16, async (mailbox) => {
    mailbox.enabledAt = performance.now();
    const enabled = await envt.api(mailbox.apiToken, '/api/sync/calendar/enable', 'POST');
    if (enabled.status !== 200) throw new Error(`enable for ${mailbox.upn} failed: ${JSON.stringify(enabled.body)}`);
  });
  const byUser = new Map(mailboxes.map((m) => [m.userId, m]));
  await until(
    async () => {
      const bindings = await envt.store.db
        .selectFrom('sync_bindings')
        .select(['user_id', 'stage', 'last_success_at', 'container_id'])
        .where('kind', '=', 'calendar')
        .execute();
      const now = performance.now();
      for (const binding of bindings) {
        const mailbox = byUser.get(binding.user_id);
        if (mailbox && !mailbox.doneAt && binding.stage === 'incremental' && binding.last_success_at) {
          mailbox.doneAt = now;
          mailbox.calendarId = binding.container_id!;
        }
      }
      return mailboxes.every((m) => m.doneAt !== undefined);
    },
    timeoutMs,
    'every first sync',
    250,
  );
  return (Math.max(...mailboxes.map((m) => m.doneAt!)) - started) / 1000;
}

/** Random changes over the mailboxes, half in the CRM and half in Outlook, each timed to its arrival. */
export async function steadyChanges(
  envt: BenchEnvironment,
  mailboxes: Mailbox[],
  changeCount: number,
  concurrency: number,
) {
  const links = await envt.store.db
    .selectFrom('sync_links')
    .innerJoin('sync_bindings', 'sync_bindings.id', 'sync_links.binding_id')
    .select(['sync_bindings.user_id as userId', 'sync_links.entity_id as eventId', 'sync_links.graph_id as graphId'])
    .where('sync_bindings.kind', '=', 'calendar')
    .where('sync_links.graph_id', 'is not', null)
    .execute();
  const byUser = new Map(mailboxes.map((m) => [m.userId, m]));
  const targets = shuffle(links.filter((link) => byUser.has(link.userId)));
  const crmToOutlook: number[] = [];
  const outlookToCrm: number[] = [];
  let lost = 0;
  const changes = Array.from({ length: changeCount }, (_, k) => ({ k, target: targets[k % targets.length]! }));
  await inParallel(changes, concurrency, async ({ k, target }) => {
    const mailbox = byUser.get(target.userId)!;
    const subject = `Steady change ${k} ${randomBytes(3).toString('hex')}`;
    const begun = performance.now();
    let arrived: () => Promise<boolean>;
    if (k % 2 === 0) {
      let answer = await envt.api(mailbox.apiToken, `/api/events/${target.eventId}`, 'PATCH', { subject });
      if (answer.status === 401) {
        mailbox.apiToken = await envt.userToken(mailbox.upn);
        answer = await envt.api(mailbox.apiToken, `/api/events/${target.eventId}`, 'PATCH', { subject });
      }
      if (answer.status !== 200) throw new Error(`CRM change failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      arrived = async () => {
        const response = await envt.fetch(
          `${envt.tenant.url}/_devtenant/api/mailboxes/${encodeURIComponent(mailbox.upn)}/calendars/${mailbox.calendarId}/events?subject=${encodeURIComponent(subject)}`,
        );
        return ((await response.json()) as { value: unknown[] }).value.length > 0;
      };
    } else {
      await graphPatch(envt, mailbox, target.graphId!, { subject });
      arrived = async () =>
        (await envt.store.db.selectFrom('events').select('id').where('subject', '=', subject).executeTakeFirst()) !==
        undefined;
    }
    try {
      await until(arrived, 300_000, 'a change to arrive', 100);
      (k % 2 === 0 ? crmToOutlook : outlookToCrm).push((performance.now() - begun) / 1000);
    } catch {
      lost += 1;
    }
  });
  return { crmToOutlook, outlookToCrm, lost };
}

/** A change made in Outlook (Graph with the app's token; 429 is waited out as any client would). */
async function graphPatch(envt: BenchEnvironment, mailbox: Mailbox, graphId: string, body: unknown): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const response = await envt.fetch(
      `${envt.tenant.url}/v1.0/users/${encodeURIComponent(mailbox.upn)}/events/${graphId}`,
      {
        method: 'PATCH',
        headers: {
          authorization: `Bearer ${await envt.appToken(mailbox.tenantId, attempt > 0)}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      },
    );
    if (response.ok) return;
    if (response.status !== 429 && response.status !== 401) throw new Error(`Outlook change: ${response.status}`);
    await sleep(Number(response.headers.get('retry-after') ?? 1) * 1000);
  }
  throw new Error('Outlook change kept failing');
}

/** A naive client: one event per request, one at a time, into a calendar of its own. */
export async function naiveClient(envt: BenchEnvironment, upn: string, events: number): Promise<number> {
  const token = await envt.appToken(CONTOSO_TENANT_ID);
  const calendar = (await (
    await envt.fetch(`${envt.tenant.url}/v1.0/users/${upn}/calendars`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Naive client' }),
    })
  ).json()) as { id: string };
  const started = performance.now();
  for (let i = 0; i < events; i += 1) {
    const start = new Date(Date.now() + i * 3_600_000).toISOString().slice(0, 19);
    const end = new Date(Date.now() + i * 3_600_000 + 1_800_000).toISOString().slice(0, 19);
    const response = await envt.fetch(`${envt.tenant.url}/v1.0/users/${upn}/calendars/${calendar.id}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: `Naive ${i}`,
        start: { dateTime: start, timeZone: 'UTC' },
        end: { dateTime: end, timeZone: 'UTC' },
      }),
    });
    if (response.status !== 201) throw new Error(`naive create: ${response.status}`);
  }
  return (performance.now() - started) / 1000;
}
