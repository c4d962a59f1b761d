import type { Request, Response, NextFunction, RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';

/** Vite names each asset by its content hash: a changed file gets a new name, so a copy never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Variants written at build time (addin/precompressAssets.ts), best first. */
const ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number]['encoding'];
/** Vite's asset names: letters, digits, `-`, `_` and dots; nothing that could climb out of the folder. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * `/assets/<hashed name>`: the add-in's built scripts and styles, cached for a year, and sent brotli- or
 * gzip-compressed from the variants written beside them when the browser accepts that (Vary: Accept-Encoding).
 */
export function hashedAssets(folder: string): RequestHandler {
  // Which variants exist, per asset that exists (the folder's content only changes with a new build and name).
  const variants = new Map<string, Set<Encoding>>();
  return (req: Request, res: Response, next: NextFunction) => {
    const name = req.path.slice(1);
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !ASSET_NAME.test(name) || /\.(?:br|gz)$/.test(name))
      return next();
    const file = join(folder, name);
    let available = variants.get(name);
    if (!available) {
      if (!existsSync(file)) return next();
      available = new Set(ENCODINGS.filter(({ suffix }) => existsSync(file + suffix)).map((e) => e.encoding));
      variants.set(name, available);
    }
    const encoding = preferredEncoding(req.headers['accept-encoding'], available);
    const suffix = ENCODINGS.find((e) => e.encoding === encoding)?.suffix ?? '';
    res.vary('Accept-Encoding').type(extname(name)).set('Cache-Control', IMMUTABLE);
    if (encoding) res.set('Content-Encoding', encoding);
    // `root`, so that a dot-folder above the add-in (a deploy under ~/.apps, say) is not taken for a hidden file.
    res.sendFile(name + suffix, { root: folder, cacheControl: false }, (error?: Error) => {
      if (!error || res.headersSent) return;
      for (const header of ['Content-Encoding', 'Cache-Control', 'Content-Type']) res.removeHeader(header);
      next(error);
    });
  };
}

/**
 * The best of the available encodings the Accept-Encoding header allows: the highest q-value, brotli before gzip
 * at equal weight (smaller); undefined means the file as it is.
 */
export function preferredEncoding(header: string | undefined, available: ReadonlySet<Encoding>): Encoding | undefined {
  const weights = new Map<string, number>();
  // A header is at most a few dozen entries; Node caps its size (16 kB) in any case.
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (coding) weights.set(coding, q ? Number(q.slice(2)) || 0 : 1);
  }
  let best: { encoding: Encoding; q: number } | undefined;
  for (const { encoding } of ENCODINGS) {
    if (!available.has(encoding)) continue;
    const q = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (q > 0 && (!best || q > best.q)) best = { encoding, q };
  }
  return best?.encoding;
}
