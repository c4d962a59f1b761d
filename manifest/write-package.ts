/** Writes the app package: manifest.json, icons and language files in a folder, and the zip of them. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackageOptions } from './options.js';
import { renderLanguageFiles, renderManifest, type JsonObject } from './render-manifest.js';
import { createZip, type ZipEntry } from './zip.js';

const ICONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), 'icons');

export interface WrittenPackage {
  manifestPath: string;
  zipPath: string;
  /** Names of the zip's entries, in order; each is also written next to manifest.json. */
  entries: string[];
}

function toJsonFile(value: JsonObject): Buffer {
  return Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
}

function iconFile(manifest: JsonObject, key: 'color' | 'outline'): string {
  const icons = manifest.icons as JsonObject | undefined;
  const file = icons?.[key];
  if (typeof file !== 'string') throw new Error(`manifest template has no icons.${key}`);
  return file;
}

/**
 * The files of the package, in zip order: what office-addin-manifest's export and atk's zipAppPackage put in
 * (manifest, the two icons, the localization files); ribbon icons and pages are served by the service instead.
 */
export function packageEntries(options: PackageOptions): ZipEntry[] {
  const manifest = renderManifest(options);
  const entries: ZipEntry[] = [{ name: 'manifest.json', data: toJsonFile(manifest) }];
  for (const key of ['color', 'outline'] as const) {
    const file = iconFile(manifest, key);
    entries.push({ name: file, data: readFileSync(join(ICONS_FOLDER, file)) });
  }
  for (const [file, strings] of Object.entries(renderLanguageFiles(options))) {
    entries.push({ name: file, data: toJsonFile(strings) });
  }
  return entries;
}

/** Writes every package file into `outDir` and the zip to `<outDir>/build/appPackage.zip`. */
export function writeAppPackage(options: PackageOptions, outDir: string): WrittenPackage {
  const entries = packageEntries(options);
  mkdirSync(join(outDir, 'build'), { recursive: true });
  for (const entry of entries) {
    const target = join(outDir, entry.name);
    if (relative(outDir, target).startsWith('..')) throw new Error(`package file ${entry.name} leaves ${outDir}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, entry.data);
  }
  const zipPath = join(outDir, 'build', 'appPackage.zip');
  writeFileSync(zipPath, createZip(entries));
  return { manifestPath: join(outDir, 'manifest.json'), zipPath, entries: entries.map((e) => e.name) };
}
