import { writeFiling } from '../../crm/mails/fileMail.js';
import { FILE_ON_SEND_PROPERTY } from '../../crm/mails/fileOnSend.js';
import { participantAddresses } from '../../crm/mails/mailMessage.js';
import { involvedContacts } from '../../crm/mails/mailQueries.js';
import { findOrganisationById } from '../../crm/organisations.js';
import type { Page } from '../../graph/paging.js';
import { mailMessageOf, MESSAGE_FIELDS, type GraphMessage } from '../../mail/messageMapping.js';
import { containerGraphFor, type SyncDependencies } from '../syncDependencies.js';
import { readAttachments } from './attachments.js';

/**
 * An add-in's custom properties of an item, as Graph names them: one string property in PS_PUBLIC_STRINGS named
 * `cecp-<manifest id>`, whose value is the JSON of all of them (docs/graph-behaviour.md#add-in-custom-properties).
 */
const customPropertiesId = (addinId: string) => `String {00020329-0000-0000-C000-000000000046} Name cecp-${addinId}`;
/** Marked messages looked for per sweep, oldest check first; the rest wait for the next sweep. */
const PER_SWEEP = 50;
/**
 * The first look comes at once; each unsent check waits twice as long, up to two minutes while the mark is under an
 * hour old (someone writing the mail now), then an hour (a draft left for later).
 */
const FIRST_WAIT_SECONDS = 15;
const FRESH_WAIT_SECONDS = 120;
const LATER_WAIT_SECONDS = 3_600;
const FRESH_MS = 3_600_000;

/**
 * File when sent: looks in the Sent Items of each user with a marked message that is due for it, finds the sent
 * copy by the add-in's custom property, and files it on the CRM contacts it involves, in one transaction with taking the mark off.
 * A mark past its week is dropped. Graph failing for one user leaves the others alone.
 */
export async function fileSentMessages(deps: SyncDependencies): Promise<void> {
  const now = deps.now();
  await deps.db.deleteFrom('files_on_send').where('expires_at', '<', now.toISOString()).execute();
  const due = await deps.db
    .selectFrom('files_on_send')
    .innerJoin('users', 'users.id', 'files_on_send.user_id')
    .selectAll('files_on_send')
    .select(['users.tenant_id', 'users.object_id', 'users.status'])
    .where('files_on_send.next_check_at', '<=', now.toISOString())
    .orderBy('files_on_send.next_check_at')
    .limit(PER_SWEEP)
    .execute();
  for (const mark of due) {
    try {
      const filed = mark.status === 'active' && mark.tenant_id && mark.object_id && (await fileIfSent(deps, mark));
      if (!filed) await checkLater(deps, mark, now);
    } catch (error) {
      deps.logger.warn(
        { err: error, userId: mark.user_id },
        'File when sent could not look in Sent Items; tries later',
      );
      await checkLater(deps, mark, now);
    }
  }
}

async function fileIfSent(
  deps: SyncDependencies,
  mark: { token: string; user_id: string; tenant_id: string | null; object_id: string | null },
): Promise<boolean> {
  const graph = await containerGraphFor(deps, mark.tenant_id!, mark.object_id!, 'mail');
  // The pane sets no other custom property on a draft, so the JSON is this one pair, as Office.js writes it.
  const value = JSON.stringify({ [FILE_ON_SEND_PROPERTY]: mark.token });
  const filter = `singleValueExtendedProperties/Any(ep: ep/id eq '${customPropertiesId(deps.addinId)}' and ep/value eq '${value}')`;
  const found = await graph.graph.get<Page<GraphMessage>>(
    `${graph.base}/mailFolders/sentitems/messages?$filter=${encodeURIComponent(filter)}&$select=${MESSAGE_FIELDS.join(',')}&$top=1`,
    { Prefer: 'outlook.body-content-type="text"' },
  );
  const sent = found.value[0];
  if (!sent) return false;
  const attachments = sent.hasAttachments ? await readAttachments(graph, sent.id) : [];
  const mail = mailMessageOf(sent, []);
  const user = await deps.db.selectFrom('users').selectAll().where('id', '=', mark.user_id).executeTakeFirstOrThrow();
  const organisation = await findOrganisationById(deps.db, user.organisation_id);
  await deps.db.transaction().execute(async (trx) => {
    const taken = await trx.deleteFrom('files_on_send').where('token', '=', mark.token).executeTakeFirst();
    // Another sweep filed it meanwhile, or the user took the mark back.
    if (Number(taken.numDeletedRows) === 0 || !mail || !organisation) return;
    const member = { user, organisation };
    const contacts = await involvedContacts(trx, member, participantAddresses(mail));
    if (contacts.length === 0) return;
    await writeFiling(
      trx,
      { organisationId: organisation.id, userId: user.id },
      { ...mail, attachments },
      contacts.map((c) => c.contactId),
      deps.now().toISOString(),
    );
  });
  return true;
}

async function checkLater(
  deps: SyncDependencies,
  mark: { token: string; checks: number; created_at: string },
  now: Date,
): Promise<void> {
  const fresh = now.getTime() - Date.parse(mark.created_at) < FRESH_MS;
  const waitSeconds = fresh
    ? Math.min(FRESH_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** Math.min(mark.checks, 8))
    : LATER_WAIT_SECONDS;
  await deps.db
    .updateTable('files_on_send')
    .set({ checks: mark.checks + 1, next_check_at: new Date(now.getTime() + waitSeconds * 1000).toISOString() })
    .where('token', '=', mark.token)
    .execute();
}
