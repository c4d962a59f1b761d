import type { Request } from 'express';

/** A query parameter by name in any letter case, as Graph reads them (`startdatetime` is `startDateTime`). */
export function queryOption(req: Request, name: string): string | undefined {
  const exact = req.query[name];
  if (typeof exact === 'string') return exact;
  const lower = name.toLowerCase();
  const key = Object.keys(req.query).find((k) => k.toLowerCase() === lower);
  const v = key === undefined ? undefined : req.query[key];
  return typeof v === 'string' ? v : undefined;
}
