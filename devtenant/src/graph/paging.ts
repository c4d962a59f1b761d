import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { graphErrors } from './graphError.js';

/** The query string without paging tokens: what a skiptoken must stay bound to. */
function queryIdentity(req: Request, drop: string[]): string {
  const entries = Object.entries(req.query)
    .filter(([k]) => !drop.includes(k.toLowerCase()))
    .map(([k, v]) => `${k.toLowerCase()}=${String(v)}`)
    .sort();
  return createHash('sha256')
    .update(`${req.path}?${entries.join('&')}`)
    .digest('base64url')
    .slice(0, 16);
}

/** Opaque `$skiptoken` (directory style): offset + a hash of the query, so it cannot be reused elsewhere. */
export function readSkipToken(req: Request): number {
  const raw = req.query.$skiptoken;
  if (raw === undefined) return 0;
  try {
    const decoded = JSON.parse(Buffer.from(String(raw).replace(/^X'|'$/g, ''), 'base64url').toString('utf8')) as {
      o: number;
      q: string;
    };
    if (typeof decoded.o !== 'number' || decoded.q !== queryIdentity(req, ['$skiptoken'])) throw new Error('mismatch');
    return decoded.o;
  } catch {
    throw graphErrors.badRequest(
      'Invalid $skiptoken: it does not belong to this query. Follow @odata.nextLink as returned.',
    );
  }
}

/** The `@odata.nextLink` for the page after `offset`, keeping every other query option. */
export function nextLinkWithSkipToken(baseUrl: string, req: Request, offset: number): string {
  const token = Buffer.from(JSON.stringify({ o: offset, q: queryIdentity(req, ['$skiptoken']) })).toString('base64url');
  return buildLink(baseUrl, req, { $skiptoken: token });
}

/** Outlook resources page with `$skip` in their nextLinks. */
export function nextLinkWithSkip(baseUrl: string, req: Request, skip: number): string {
  return buildLink(baseUrl, req, { $skip: String(skip) });
}

function buildLink(baseUrl: string, req: Request, replace: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(req.query)) {
    if (Object.keys(replace).includes(k.toLowerCase())) continue;
    if (typeof v === 'string') params.append(k, v);
  }
  for (const [k, v] of Object.entries(replace)) params.append(k, v);
  // Graph leaves `$` unescaped in its links.
  return `${baseUrl}${req.baseUrl}${req.path}?${params.toString().replace(/%24/g, '$')}`;
}
