import { z } from 'zod';
import { GraphError } from './graphError.js';

/** The id formats Graph's translateExchangeIds names (exchangeIdFormat). */
const ID_FORMATS = ['entryId', 'ewsId', 'immutableEntryId', 'restId', 'restImmutableEntryId'] as const;
type IdFormat = (typeof ID_FORMATS)[number];
// The local tenant's items have one id each, in two spellings; entry ids and immutable ids are not played here.
const TRANSLATABLE: readonly IdFormat[] = ['ewsId', 'restId'];
// Graph converts at most 1,000 ids per call.
export const MAX_TRANSLATE_IDS = 1000;

const translateBody = z.object({
  inputIds: z.array(z.string()).min(1).max(MAX_TRANSLATE_IDS),
  sourceIdType: z.string(),
  targetIdType: z.string(),
});

function idFormat(raw: string): IdFormat {
  const found = ID_FORMATS.find((f) => f.toLowerCase() === raw.toLowerCase());
  if (!found)
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      `Cannot convert the literal '${raw}' to the expected type 'microsoft.graph.exchangeIdFormat'.`,
    );
  if (!TRANSLATABLE.includes(found))
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      `The local tenant translates only ewsId and restId, not ${found}.`,
    );
  return found;
}

const EWS_ID = /^[A-Za-z0-9+/]+={0,2}$/;
const REST_ID = /^[A-Za-z0-9_-]+={0,2}$/;

/**
 * One id from one spelling into the other. An EWS id (what Office.js's `item.itemId` gives) is standard base64;
 * the REST id of the same item is the URL-safe spelling of the same bytes ('/' becomes '-', '+' becomes '_').
 */
function translateOne(id: string, from: IdFormat, to: IdFormat): { targetId: string } | { errorDetails: object } {
  const valid = from === 'ewsId' ? EWS_ID.test(id) : REST_ID.test(id);
  if (!valid) return { errorDetails: { code: 'ErrorInvalidIdMalformed', message: 'Id is malformed.' } };
  if (from === to) return { targetId: id };
  return {
    targetId: to === 'restId' ? id.replace(/\//g, '-').replace(/\+/g, '_') : id.replace(/-/g, '/').replace(/_/g, '+'),
  };
}

/** POST /me/translateExchangeIds: one result per input id, failures as errorDetails in place of a targetId. */
export function translateExchangeIds(body: unknown): { sourceId: string; targetId?: string; errorDetails?: object }[] {
  const parsed = translateBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new GraphError(
      400,
      'ErrorInvalidRequest',
      `Cannot read the request body: property '${issue.path.join('.')}' is invalid. ${issue.message}`,
    );
  }
  const from = idFormat(parsed.data.sourceIdType);
  const to = idFormat(parsed.data.targetIdType);
  return parsed.data.inputIds.map((sourceId) => ({ sourceId, ...translateOne(sourceId, from, to) }));
}
