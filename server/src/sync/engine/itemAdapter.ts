import type { Transaction } from 'kysely';
import type { Database, SyncKind } from '../../store/schema.js';
import type { LinkFacts } from '../syncLinks.js';
import type { SyncRun } from '../syncRun.js';
import type { ContainerGraph, GraphItem } from './containerGraph.js';

/** The bookkeeping columns every synced CRM table has (events, contacts). */
export interface SyncedRow {
  id: string;
  owner_user_id: string;
  deleted_at: string | null;
  sync_eligible: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** What happened to an item that came from Microsoft 365 and had no link yet. */
export type Arrival =
  | { entityId: string; version: number; label: string; linked: 'created' | 'matched' }
  | { skipped: string; label: string; entityId?: string };

/** What an adapter did beyond an item's own create or update (a series' exceptions), before its result commits. */
export interface WriteCompletion<Row> {
  /** The item's change key after that work, so that its echo is recognised. */
  changeKey?: string;
  /** CRM writes that follow from what it found in Microsoft 365; returns the row's version to record as synced. */
  applyToRow?(trx: Transaction<Database>, row: Row, at: Date): Promise<number>;
}

/**
 * What the one sync engine needs to know about a kind of item (events, contacts): where its rows are, how a row
 * becomes a Graph item and back, and its first-sync rules. Everything else (batching, echo, conflicts, deletions,
 * cursors, crashes) is the engine's.
 */
export interface ItemAdapter<Row extends SyncedRow = SyncedRow, Item extends GraphItem = GraphItem> {
  kind: SyncKind;
  /** The single-value extended property that stamps the CRM id on the Graph item. */
  stampProperty: string;
  loadRows(db: SyncRun['db'] | Transaction<Database>, ids: string[]): Promise<Row[]>;
  /** How the item is named in the sync log. */
  label(row: Row): string;
  /** How an item from Microsoft 365 is named in the sync log before (or without) becoming a CRM row. */
  incomingLabel(item: Item): string | null;
  /** The Graph body for a create (with `transactionId` and the stamp) or an update. */
  toGraph(
    row: Row,
    options: { mode: 'initial' | 'changes'; create?: { transactionId: string } },
  ): Record<string, unknown>;
  /** After our create went through (e.g. remember the event's iCalUId). */
  afterCreate?(trx: Transaction<Database>, row: Row, created: Item): Promise<void>;
  /**
   * The transaction id an item was created with, when the kind has one (Graph events do, contacts do not): an item
   * whose create confirmation was lost is found by it.
   */
  transactionIdOf?(item: Item): string | null | undefined;
  /** What the kind keeps on the item's link beyond the engine's columns (a meeting's iCalUId). */
  linkFacts?(item: Item): LinkFacts;
  /** Work an item needs after its own create or update went through (Graph requests; no CRM writes yet). */
  completeWrite?(
    run: SyncRun,
    graph: ContainerGraph,
    row: Row,
    graphId: string,
    created: boolean,
  ): Promise<WriteCompletion<Row> | undefined>;
  /** Reads again what Microsoft 365 may change without a signal, and applies it (runs every SYNC_REVIEW_SECONDS). */
  review?(run: SyncRun, graph: ContainerGraph): Promise<void>;
  /** Reads what a page's items need beyond themselves (a series' instances), before the page's CRM writes. */
  prepareIncoming?(run: SyncRun, graph: ContainerGraph, items: Item[]): Promise<void>;
  /** A reason code when a Graph item is not synced on its own (an occurrence of a series); `silent` logs nothing. */
  skipReason?(item: Item): string | undefined;
  /** Marks the CRM row deleted (a tombstone, version bumped), without recording it for the outbox. */
  softDelete(trx: Transaction<Database>, row: Row, at: Date): Promise<void>;
  /** Applies a Graph item's content to its CRM row; returns the row's new version. */
  applyGraph(trx: Transaction<Database>, row: Row, item: Item, at: Date): Promise<number>;
  /** A Graph item with no link: a new CRM row, or an existing one it matches, or a reason to skip it. */
  arrive(trx: Transaction<Database>, run: SyncRun, item: Item, at: Date): Promise<Arrival>;
  /** The ids of the first sync, in order, at most the kind's limit. */
  firstSyncSelection(run: SyncRun): Promise<string[]>;
}
