import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedPath, installedWindowsZones, windowsZonesSource } from './generate-windows-zones.js';

describe('the generated Windows zone table', () => {
  it('is what the generator makes from the installed CLDR data (run the generator after upgrading cldr-core)', async () => {
    expect(readFileSync(generatedPath, 'utf8')).toBe(await windowsZonesSource(installedWindowsZones()));
  });
});
