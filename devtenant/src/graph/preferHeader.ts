import type { Request, Response } from 'express';
import { ianaZone } from '../calendar/timeZones.js';
import { GraphError } from './graphError.js';

export interface Preferences {
  /** From `outlook.timezone`: the IANA zone for conversion, and the name to write in responses. */
  zone: string;
  zoneName: string;
  maxPageSize?: number;
  bodyType?: 'text' | 'html';
  immutableId: boolean;
  applied: string[];
}

/** Reads every `Prefer` header (comma-joined preferences allowed, as Graph accepts). */
export function preferences(req: Request): Preferences {
  const raw = req.headers.prefer;
  const text = Array.isArray(raw) ? raw.join(',') : (raw ?? '');
  const out: Preferences = { zone: 'Etc/UTC', zoneName: 'UTC', immutableId: false, applied: [] };
  for (const part of text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^([\w.-]+)\s*=\s*"?([^"]*)"?$/.exec(part);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (name === 'outlook.timezone') {
      const zone = ianaZone(value);
      if (!zone)
        throw new GraphError(
          400,
          'TimeZoneNotSupportedException',
          `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${value}'.`,
        );
      out.zone = zone;
      out.zoneName = value;
      out.applied.push(`outlook.timezone="${value}"`);
    } else if (name === 'odata.maxpagesize') {
      const n = Number(value);
      if (Number.isInteger(n) && n > 0) {
        out.maxPageSize = Math.min(n, 1000);
        out.applied.push(`odata.maxpagesize=${out.maxPageSize}`);
      }
    } else if (name === 'outlook.body-content-type') {
      const v = value.toLowerCase();
      if (v === 'text' || v === 'html') {
        out.bodyType = v;
        out.applied.push(`outlook.body-content-type="${v}"`);
      }
    } else if (name === 'idtype' && value.toLowerCase() === 'immutableid') {
      // Echoed, but ids stay the REST kind: a moved event gets a new id even so (Graph's immutable id would survive a
      // move within the mailbox). Nothing here sends it; a client that relies on it needs two id spaces first.
      out.immutableId = true;
      out.applied.push('IdType="ImmutableId"');
    }
  }
  return out;
}

export function applyPreferences(res: Response, prefs: Preferences, extra: string[] = []): void {
  const all = [...extra, ...prefs.applied];
  if (all.length > 0) res.setHeader('Preference-Applied', all.join(', '));
}
