import type { Request, Response } from 'express';
import type { DeltaPage } from '../calendar/deltaSync.js';
import { odataContext, sendGraphJson } from './graphResponse.js';
import { applyPreferences, type Preferences } from './preferHeader.js';
import { queryOption } from './queryOption.js';

/** The state token a delta request carries: `$skiptoken` (the next page of a round) or `$deltatoken` (a new round). */
export function deltaTokenOf(req: Request): { token: string; kind: 'skip' | 'delta' } | undefined {
  const skip = queryOption(req, '$skiptoken');
  if (skip) return { token: skip, kind: 'skip' };
  const delta = queryOption(req, '$deltatoken');
  return delta ? { token: delta, kind: 'delta' } : undefined;
}

/**
 * Sends one page of a delta round: `@odata.nextLink` (`$skiptoken`) until the last page, which carries
 * `@odata.deltaLink` (`$deltatoken`), both on the request's own path with the query options left to the token.
 * The first response of a chain says `Preference-Applied: odata.track-changes`.
 */
export function sendDeltaPage(
  baseUrl: string,
  req: Request,
  res: Response,
  p: { entity: string; page: DeltaPage; value: unknown[]; prefs: Preferences },
): void {
  const link = `${baseUrl}${req.baseUrl}${req.path}`;
  const body: Record<string, unknown> = { '@odata.context': odataContext(baseUrl, `Collection(${p.entity})`) };
  if (p.page.nextToken) body['@odata.nextLink'] = `${link}?$skiptoken=${p.page.nextToken}`;
  else body['@odata.deltaLink'] = `${link}?$deltatoken=${p.page.deltaToken}`;
  body.value = p.value;
  applyPreferences(res, p.prefs, deltaTokenOf(req) ? [] : ['odata.track-changes']);
  sendGraphJson(res, 200, body);
}
