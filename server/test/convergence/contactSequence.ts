import { DEFAULT_CONTACT_MAPPING, graphToCrm, type GraphContact } from '../../src/crm/contacts/fieldMapping.js';
import type { Stack } from '../stack.js';
import { enableCalendarSync, syncNow } from '../syncFixtures.js';
import type { preparePeople } from './calendarSequence.js';
import { Random } from './random.js';

type Person = Awaited<ReturnType<typeof preparePeople>>[number];
const COMPARED = ['firstName', 'lastName', 'email', 'accountName', 'mobile', 'title'] as const;
type Comparable = Record<string, Record<(typeof COMPARED)[number], string>>;

async function reset(stack: Stack, people: Person[]): Promise<void> {
  for (const person of people) {
    if (person.sync) await stack.api('/api/sync/contacts/disable', { token: person.token, method: 'POST' });
  }
  await stack.store.db.deleteFrom('sync_outbox').execute();
  await stack.store.db.deleteFrom('contacts').execute();
  stack.tenant.knobs.resetFaults();
  for (const person of people) {
    person.sync = await enableCalendarSync(stack, person.token, 'contacts');
    await syncNow(stack, person.sync);
  }
}

/**
 * One random sequence of contact changes on both sides (create, edit, delete, owner change in the CRM; create,
 * edit, delete in Outlook), with syncs, lost or repeated notifications, faults and expired cursors. Returns a
 * description of any divergence.
 */
export async function runContactSequence(
  stack: Stack,
  people: Person[],
  seed: number,
  steps = 14,
): Promise<string | undefined> {
  const random = new Random(seed);
  await reset(stack, people);
  let counter = 0;
  const crmContacts = async (person: Person) =>
    (await stack.api<{ contacts: { id: string }[] }>('/api/contacts', { token: person.token })).body.contacts;
  const outlookContacts = async (person: Person) =>
    (await person.outlook.contacts(person.sync.calendarId)) as unknown as (GraphContact & { id: string })[];
  const run = async (person: Person) =>
    syncNow(stack, person.sync).catch((error: unknown) => {
      if (!(error instanceof Error && error.name === 'RetryLater')) throw error;
    });

  for (let step = 0; step < steps; step += 1) {
    const person = random.pick(people)!;
    const other = people.find((p) => p !== person)!;
    if (random.chance(0.12))
      stack.tenant.knobs.injectFault({
        status: random.chance(0.5) ? 429 : 503,
        retryAfterSeconds: 0.05,
        times: 1 + random.int(3),
        pathContains: '/users/',
      });
    if (random.chance(0.05))
      await stack.fetch(
        `${stack.tenant.url}/_devtenant/api/mailboxes/${encodeURIComponent(person.upn)}/expire-delta-tokens`,
        { method: 'POST' },
      );
    switch (random.int(9)) {
      case 0:
      case 1:
        counter += 1;
        await stack.api('/api/contacts', {
          token: person.token,
          method: 'POST',
          body: {
            firstName: `F${random.int(99)}`,
            lastName: `crm ${seed}-${counter}`,
            email: `c${seed}x${counter}@example.com`,
            accountName: `Account ${random.int(9)}`,
          },
        });
        break;
      case 2: {
        const contact = random.pick(await crmContacts(person));
        if (contact)
          await stack.api(`/api/contacts/${contact.id}`, {
            token: person.token,
            method: 'PATCH',
            body: random.chance(0.5) ? { mobile: `+49 170 ${random.int(9999)}` } : { title: `Title ${random.int(99)}` },
          });
        break;
      }
      case 3: {
        const contact = random.pick(await crmContacts(person));
        if (contact) await stack.api(`/api/contacts/${contact.id}`, { token: person.token, method: 'DELETE' });
        break;
      }
      case 4: {
        const contact = random.pick(await crmContacts(person));
        if (contact)
          await stack.api(`/api/contacts/${contact.id}/owner`, {
            token: person.token,
            method: 'POST',
            body: { ownerId: other.userId },
          });
        break;
      }
      case 5:
        counter += 1;
        await person.outlook.createContact(person.sync.calendarId, {
          givenName: `G${random.int(99)}`,
          surname: `outlook ${seed}-${counter}`,
          companyName: `Company ${random.int(9)}`,
          emailAddresses: [{ address: `o${seed}x${counter}@example.com`, name: 'x' }],
        });
        for (let i = random.int(3); i > 0; i -= 1) await run(person);
        break;
      case 6: {
        const contact = random.pick(await outlookContacts(person));
        if (contact) {
          await person.outlook.updateContact(
            contact.id,
            random.chance(0.5) ? { mobilePhone: `+49 171 ${random.int(9999)}` } : { jobTitle: `Job ${random.int(99)}` },
          );
          for (let i = random.int(3); i > 0; i -= 1) await run(person);
        }
        break;
      }
      case 7: {
        const contact = random.pick(await outlookContacts(person));
        if (contact) {
          await person.outlook.deleteContact(contact.id);
          for (let i = random.int(3); i > 0; i -= 1) await run(person);
        }
        break;
      }
      default:
        await run(person);
    }
  }

  stack.tenant.knobs.resetFaults();
  for (let round = 0; round < 3; round += 1) for (const person of people) await syncNow(stack, person.sync);

  for (const person of people) {
    const rows = await stack.store.db
      .selectFrom('contacts')
      .selectAll()
      .where('owner_user_id', '=', person.userId)
      .where('deleted_at', 'is', null)
      .where('sync_eligible', '=', 1)
      .execute();
    const crm: Comparable = Object.fromEntries(
      rows.map((row) => [
        row.last_name,
        {
          firstName: row.first_name,
          lastName: row.last_name,
          email: row.email,
          accountName: row.account_name,
          mobile: row.mobile,
          title: row.title,
        },
      ]),
    );
    const outlook: Comparable = {};
    for (const contact of await outlookContacts(person)) {
      const fields = graphToCrm(contact, DEFAULT_CONTACT_MAPPING) as Record<string, string>;
      const key = fields.lastName ?? '';
      if (outlook[key]) return `${person.upn}: "${key}" twice in Outlook`;
      outlook[key] = Object.fromEntries(COMPARED.map((field) => [field, fields[field] ?? ''])) as Comparable[string];
    }
    for (const key of new Set([...Object.keys(crm), ...Object.keys(outlook)])) {
      if (!crm[key]) return `${person.upn}: "${key}" is in Outlook only`;
      if (!outlook[key]) return `${person.upn}: "${key}" is in the CRM only`;
      for (const field of COMPARED)
        if (crm[key][field] !== outlook[key][field])
          return `${person.upn}: "${key}".${field}: CRM ${JSON.stringify(crm[key][field])} vs Outlook ${JSON.stringify(outlook[key][field])}`;
    }
  }

  await stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts/reset`, { method: 'POST' });
  for (const person of people) await syncNow(stack, person.sync);
  const counts = (await (await stack.fetch(`${stack.tenant.url}/_devtenant/api/request-counts`)).json()) as {
    batchRequests: number;
    mailboxes: Record<string, Record<string, number>>;
  };
  const writes = Object.entries(counts.mailboxes).flatMap(([mailbox, byMethod]) =>
    ['POST', 'PATCH', 'DELETE'].filter((m) => (byMethod[m] ?? 0) > 0).map((m) => `${mailbox} ${m}=${byMethod[m]}`),
  );
  if (writes.length || counts.batchRequests)
    return `a further sync still wrote: ${writes.join(', ')} batches=${counts.batchRequests}`;
  return undefined;
}
