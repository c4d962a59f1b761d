import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** The pane's first screen must not wait for more than this much script (gzip), as issue 13 asks. */
const INITIAL_JS_LIMIT = 200 * 1024;

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const manifestFile = `${dist}.vite/manifest.json`;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/**
 * What a page loads before its code runs: the scripts its HTML names, and every chunk those import statically,
 * transitively (followed through the manifest, which does not list the HTML pages themselves).
 */
function initialFiles(manifest: Manifest, page: string): string[] {
  const html = readFileSync(`${dist}${page}`, 'utf8');
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  const byFile = new Map(Object.values(manifest).map((chunk) => [chunk.file, chunk]));
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const key of byFile.get(file)?.imports ?? []) visit(manifest[key]?.file ?? key);
  };
  named.forEach(visit);
  return [...seen];
}

const gzipSize = (file: string): number => gzipSync(readFileSync(`${dist}${file}`), { level: 9 }).length;

describe('the built add-in (npm run build:addin first)', () => {
  it('has a build manifest', () => {
    expect(existsSync(manifestFile), `${manifestFile} is missing: run npm run build:addin`).toBe(true);
  });

  for (const page of ['index.html', 'taskpane.html']) {
    it(`${page} loads at most 200 KB of gzipped JavaScript before its first screen`, () => {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
      const files = initialFiles(manifest, page).filter((file) => file.endsWith('.js'));
      const total = files.reduce((sum, file) => sum + gzipSize(file), 0);
      expect(files.length).toBeGreaterThan(0);
      expect(total, `initial JS ${files.join(', ')}`).toBeLessThanOrEqual(INITIAL_JS_LIMIT);
    });
  }

  it('keeps each language in its own chunk, outside the initial JavaScript', () => {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    const initial = initialFiles(manifest, 'index.html');
    const languageChunks = Object.values(manifest).filter((chunk) => /^assets\/(?:de|en)-[\w-]+\.js$/.test(chunk.file));
    expect(languageChunks.map((chunk) => chunk.file.slice(7, 9)).sort()).toEqual(['de', 'en']);
    for (const chunk of languageChunks) expect(initial).not.toContain(chunk.file);
  });
});
