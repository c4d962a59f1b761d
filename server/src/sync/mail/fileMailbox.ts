import type { Transaction } from 'kysely';
import { automaticFilingRefusal } from '../../crm/mails/automaticFiling.js';
import { writeFiling } from '../../crm/mails/fileMail.js';
import { participantAddresses, type MailMessage } from '../../crm/mails/mailMessage.js';
import { involvedContacts } from '../../crm/mails/mailQueries.js';
import type { Member } from '../../crm/member.js';
import { GraphError } from '../../graph/graphError.js';
import { mailMessageOf, type GraphMessage } from '../../mail/messageMapping.js';
import type { Database } from '../../store/schema.js';
import { cursorAdvanced, firstSyncDone } from '../bindingStates.js';
import type { ContainerGraph, GraphItem } from '../engine/containerGraph.js';
import { bookkeptRun } from '../engine/runSync.js';
import { logSync } from '../syncLog.js';
import { assertStillActive, type SyncRun } from '../syncRun.js';
import { readAttachments } from './attachments.js';
import { colleagueCheck } from './colleagues.js';
import {
  MAIL_FOLDERS,
  MAIL_LOOKBACK_DAYS,
  parseMailCursors,
  withCursor,
  type MailCursors,
  type MailFolder,
} from './mailFolders.js';

type DeltaMessage = GraphMessage & GraphItem;

/** A message of a page that may be filed: it is new to this user's filing, recent, and no refusal applies. */
interface Candidate {
  mail: MailMessage;
  graphId: string;
  hasAttachments: boolean;
}

/**
 * One run of a user's automatic filing (docs/product-rules.md#r-automatic-filing): the Inbox's and Sent Items'
 * changes since their cursors, each page's filings committed with that folder's next cursor, so a crash resumes
 * exactly there and a page applied twice files nothing twice (one mail per organisation and internet message id).
 */
export async function runMailFiling(run: SyncRun, graph: ContainerGraph, member: Member): Promise<void> {
  await bookkeptRun(run, async () => {
    // Mail has nothing to push first: its first sync is the delta's first round, with cursors like any other.
    if (run.binding.stage === 'initial') {
      await firstSyncDone(run.db, run.binding);
      run.binding = { ...run.binding, stage: 'incremental' };
    }
    const isColleague = colleagueCheck(run.binding.colleague_domains, member);
    for (const folder of MAIL_FOLDERS) await pullFolder(run, graph, member, isColleague, folder);
    await forgetOldDecisions(run);
  });
}

async function pullFolder(
  run: SyncRun,
  graph: ContainerGraph,
  member: Member,
  isColleague: (address: string) => boolean,
  folder: MailFolder,
): Promise<void> {
  let cursors = parseMailCursors(run.binding.delta_link);
  let url = cursors[folder] ?? graph.firstDeltaUrl(folder, run.now());
  let fresh = cursors[folder] === undefined;
  for (;;) {
    await assertStillActive(run);
    let page;
    try {
      page = await graph.deltaPage<DeltaMessage>(url);
    } catch (error) {
      // An expired cursor starts a fresh round over the last 30 days; what was judged before is not judged again.
      if (error instanceof GraphError && error.kind === 'cursor_expired' && !fresh) {
        await logSync(run.db, run.binding, { direction: 'none', action: 'skipped', reason: 'resync' }, run.now());
        url = graph.firstDeltaUrl(folder, run.now());
        fresh = true;
        continue;
      }
      throw error;
    }
    const next = page['@odata.nextLink'] ?? page['@odata.deltaLink'] ?? null;
    cursors = await fileMessages(run, graph, member, isColleague, page.value, { cursors, folder, next });
    if (!page['@odata.nextLink']) return;
    url = page['@odata.nextLink'];
  }
}

/**
 * Judges a page's messages and files those exchanged with contacts of the organisation, in one transaction with the
 * folder's next cursor. Attachments (names and sizes) are read before the transaction opens.
 */
async function fileMessages(
  run: SyncRun,
  graph: ContainerGraph,
  member: Member,
  isColleague: (address: string) => boolean,
  messages: DeltaMessage[],
  position: { cursors: MailCursors; folder: MailFolder; next: string | null },
): Promise<MailCursors> {
  const candidates = await judge(run, member, isColleague, messages);
  const attachments = new Map<string, MailMessage['attachments']>();
  for (const candidate of candidates)
    if (candidate.hasAttachments) attachments.set(candidate.graphId, await readAttachments(graph, candidate.graphId));
  const cursor = withCursor(position.cursors, position.folder, position.next);
  await run.db.transaction().execute(async (trx) => {
    const at = run.now().toISOString();
    for (const { mail, graphId } of candidates) {
      const fresh = await decide(trx, member.user.id, mail.internetMessageId, at);
      if (!fresh) continue;
      const contacts = await involvedContacts(trx, member, participantAddresses(mail));
      if (contacts.length === 0) continue;
      const filed = { ...mail, attachments: attachments.get(graphId) ?? [] };
      await writeFiling(
        trx,
        { organisationId: member.organisation.id, userId: member.user.id },
        filed,
        contacts.map((c) => c.contactId),
        at,
      );
      await logSync(
        trx,
        run.binding,
        { direction: 'from_microsoft', action: 'created', subject: mail.subject, reason: 'mail_filed' },
        run.now(),
      );
    }
    if (!(await cursorAdvanced(trx, run.binding, cursor))) throw new Error('binding changed');
  });
  run.binding = { ...run.binding, delta_link: cursor };
  return parseMailCursors(cursor);
}

/**
 * The messages of a page worth a closer look: not removed, not a draft, received within the last 30 days, not
 * marked private or confidential, not between colleagues only, and not judged before. The rest are remembered as
 * judged in the page's transaction when they had an internet message id.
 */
async function judge(
  run: SyncRun,
  member: Member,
  isColleague: (address: string) => boolean,
  messages: DeltaMessage[],
): Promise<Candidate[]> {
  const oldest = run.now().getTime() - MAIL_LOOKBACK_DAYS * 86_400_000;
  const mails: Candidate[] = [];
  for (const message of messages) {
    if (message['@removed']) continue;
    const received = Date.parse(message.receivedDateTime ?? message.sentDateTime ?? '');
    if (Number.isNaN(received) || received < oldest) continue;
    const mail = mailMessageOf(message, []);
    if (!mail || automaticFilingRefusal(mail, isColleague)) continue;
    mails.push({ mail, graphId: message.id, hasAttachments: message.hasAttachments === true });
  }
  if (mails.length === 0) return [];
  const judged = new Set(
    (
      await run.db
        .selectFrom('mail_filing_decisions')
        .select('internet_message_id')
        .where('user_id', '=', member.user.id)
        .where(
          'internet_message_id',
          'in',
          mails.map((m) => m.mail.internetMessageId),
        )
        .execute()
    ).map((row) => row.internet_message_id),
  );
  return mails.filter((m) => !judged.has(m.mail.internetMessageId));
}

/** Records that this user's filing judged the mail; false when it had been judged already (a page applied twice). */
async function decide(
  trx: Transaction<Database>,
  userId: string,
  internetMessageId: string,
  at: string,
): Promise<boolean> {
  const result = await trx
    .insertInto('mail_filing_decisions')
    .values({ user_id: userId, internet_message_id: internetMessageId, decided_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'internet_message_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Judgements older than the look-back can never matter again: such a mail is never filed automatically. */
async function forgetOldDecisions(run: SyncRun): Promise<void> {
  const before = new Date(run.now().getTime() - (MAIL_LOOKBACK_DAYS + 1) * 86_400_000).toISOString();
  await run.db
    .deleteFrom('mail_filing_decisions')
    .where('user_id', '=', run.binding.user_id)
    .where('decided_at', '<', before)
    .execute();
}
