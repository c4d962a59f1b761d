import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Text formats worth compressing; images and fonts (woff2) are compressed already. */
const COMPRESSIBLE = /\.(?:js|mjs|css|svg|json|map|txt|html)$/;

/** The encodings written beside each asset, by the suffix the service looks for. */
export const PRECOMPRESSED = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * Writes `<file>.br` and `<file>.gz` beside each compressible file of `folder`, at the highest levels: done once
 * at build time, the service then sends them without spending CPU per request. A variant that would not be
 * smaller is not written, and the service sends the file itself.
 */
export function precompressFolder(folder: string): { files: number } {
  let files = 0;
  for (const name of readdirSync(folder)) {
    if (!COMPRESSIBLE.test(name)) continue;
    const path = join(folder, name);
    const original = readFileSync(path);
    const variants = {
      '.br': brotliCompressSync(original, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: original.length,
        },
      }),
      '.gz': gzipSync(original, { level: constants.Z_BEST_COMPRESSION }),
    };
    for (const [suffix, compressed] of Object.entries(variants)) {
      if (compressed.length < original.length) writeFileSync(path + suffix, compressed);
    }
    files += 1;
  }
  return { files };
}
