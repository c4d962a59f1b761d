import type { Request } from 'express';
import { parseQueryInstant } from '../calendar/timeZones.js';
import type { StoredMessage } from '../state/mailboxStore.js';
import { GraphError } from './graphError.js';
import { parseMessageSelect } from './messageResource.js';
import { queryOption } from './queryOption.js';

/** What the first request of a message delta round asks for; the tokens keep it for the rest of the chain. */
export interface MessageDeltaQuery {
  select?: string[];
  /** The `$filter` text as given (validated): it travels in the tokens and is read again by `receivedFilter`. */
  filter?: string;
  /** `$top`: how many messages the first round reports at most (see `parseMessageDeltaQuery`). */
  top?: number;
}

/** A message's place on the `receivedDateTime` filter. */
export type ReceivedPredicate = (message: StoredMessage) => boolean;

// Graph's message delta takes only `receivedDateTime ge|gt <value>` (docs/graph-behaviour.md#message-delta).
const FILTER = /^\s*receivedDateTime\s+(ge|gt)\s+(\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+ -]\d{2}:?\d{2})?)?)\s*$/i;

function unsupportedFilter(): GraphError {
  // The code and message Graph answers (microsoft-graph-docs#18636, msgraph-sdk-dotnet#1512).
  return new GraphError(
    400,
    'ErrorInvalidUrlQuery',
    "The '$filter' parameter value is not supported for 'Messages' resource; only a value of 'receivedDateTime ge value' is supported.",
  );
}

/** The predicate of a message delta `$filter`; every message when there is none. Throws Graph's 400 otherwise. */
export function receivedFilter(filter: string | undefined): ReceivedPredicate {
  if (filter === undefined) return () => true;
  const m = FILTER.exec(filter);
  const at = m ? parseQueryInstant(m[2]) : undefined;
  if (!m || at === undefined) throw unsupportedFilter();
  const strict = m[1]!.toLowerCase() === 'gt';
  return (message) => {
    const received = Date.parse(message.receivedDateTime);
    return strict ? received > at : received >= at;
  };
}

/**
 * Reads and checks the query options of a round's first request. `$top` is taken the way Outlook is reported to
 * take it on message delta: not as a page size (pages keep `odata.maxpagesize`, default 10) but as a cap on the
 * messages the round reports (microsoft-graph-docs#2232; bkaankose/Wino-Mail#716).
 */
export function parseMessageDeltaQuery(req: Request): MessageDeltaQuery {
  // Options Graph has for message delta that the local tenant does not implement: refused rather than ignored, so a
  // client that depends on them cannot pass its tests here.
  for (const name of ['$orderby', 'changeType', '$search', '$expand']) {
    if (queryOption(req, name) !== undefined)
      throw new GraphError(
        400,
        'ErrorInvalidUrlQuery',
        `The query parameter '${name}' is not supported by the local tenant's message delta.`,
      );
  }
  const select = parseMessageSelect(queryOption(req, '$select'));
  const filter = queryOption(req, '$filter');
  receivedFilter(filter);
  const topRaw = queryOption(req, '$top');
  const top = topRaw === undefined ? undefined : Number(topRaw);
  if (top !== undefined && (!Number.isInteger(top) || top < 1 || top > 1000))
    throw new GraphError(400, 'ErrorInvalidParameter', `The value '${String(topRaw)}' of parameter 'Top' is invalid.`);
  return {
    ...(select ? { select } : {}),
    ...(filter !== undefined ? { filter } : {}),
    ...(top !== undefined ? { top } : {}),
  };
}
