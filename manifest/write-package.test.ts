import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { drawAllIcons } from './icons/draw-icons.js';
import { decodeOwnPng, readPngSize } from './icons/png.js';
import type { PackageOptions } from './options.js';
import { writeAppPackage } from './write-package.js';
import { createZip, readZip } from './zip.js';

const options: PackageOptions = {
  baseUrl: 'https://crm.example.com',
  clientId: '0b7f3c52-8d1e-4a6f-9c2b-5e4d3a2f1b70',
  appId: 'c4e2a9d7-1f3b-4c8e-a6d5-9b0f2e7c3a41',
  brand: 'Zoho CRM',
  version: '1.2.3',
};

const outDir = mkdtempSync(join(tmpdir(), 'app-package-test-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('writeAppPackage', () => {
  const written = writeAppPackage(options, outDir);

  it('zips exactly the manifest, the two icons and the language file, at the zip root', () => {
    const entries = readZip(readFileSync(written.zipPath));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png', 'de-de.json']);
    for (const entry of entries) {
      expect(entry.data.equals(readFileSync(join(outDir, entry.name))), entry.name).toBe(true);
    }
    const manifest = JSON.parse(entries[0]!.data.toString('utf8'));
    expect(manifest.id).toBe(options.appId);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
  });

  it('writes a byte-identical zip for the same inputs', () => {
    const again = writeAppPackage(options, join(outDir, 'again'));
    expect(readFileSync(again.zipPath).equals(readFileSync(written.zipPath))).toBe(true);
  });
});

describe('icons', () => {
  const icons = join(import.meta.dirname, 'icons');

  it.each([
    ['color.png', 192],
    ['outline.png', 32],
    ['icon-16.png', 16],
    ['icon-32.png', 32],
    ['icon-80.png', 80],
  ])('%s is a %i×%i PNG', (file, size) => {
    expect(readPngSize(readFileSync(join(icons, file)))).toEqual({ width: size, height: size, colorType: 6 });
  });

  it('outline.png is white on transparent only', () => {
    const { data } = decodeOwnPng(readFileSync(join(icons, 'outline.png')));
    let opaque = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] === 0) continue;
      opaque++;
      expect([data[i], data[i + 1], data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(opaque).toBeGreaterThan(50);
    expect(data[3]).toBe(0); // corner is transparent
  });

  it('color.png is fully opaque inside and the committed files match draw-icons.ts', () => {
    const { data, width } = decodeOwnPng(readFileSync(join(icons, 'color.png')));
    expect(data[(96 * width + 96) * 4 + 3]).toBe(255);
    for (const [file, png] of Object.entries(drawAllIcons())) {
      expect(
        png.equals(readFileSync(join(icons, file))),
        `${file} is stale: run npx tsx manifest/icons/draw-icons.ts`,
      ).toBe(true);
    }
  });
});

describe('zip', () => {
  it('round-trips stored and deflated entries with UTF-8 names', () => {
    const entries = [
      { name: 'a.txt', data: Buffer.from('x'.repeat(1000)) },
      { name: 'ü/b.bin', data: Buffer.from([1, 2, 3]) },
    ];
    expect(readZip(createZip(entries))).toEqual(entries);
  });

  it('refuses duplicate names', () => {
    expect(() =>
      createZip([
        { name: 'a', data: Buffer.alloc(0) },
        { name: 'a', data: Buffer.alloc(0) },
      ]),
    ).toThrow(/duplicate/);
  });
});
