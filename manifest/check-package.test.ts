import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packageProblems } from './check-package.js';
import { writeAppPackage } from './write-package.js';

const options = {
  baseUrl: 'https://crm.example.com',
  clientId: '0b7f3c52-8d1e-4a6f-9c2b-5e4d3a2f1b70',
  appId: 'c4e2a9d7-1f3b-4c8e-a6d5-9b0f2e7c3a41',
  brand: 'Zoho CRM',
  version: '1.2.3',
};
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function freshPackage(): string {
  const folder = mkdtempSync(join(tmpdir(), 'app-package-check-'));
  folders.push(folder);
  writeAppPackage(options, folder);
  return folder;
}

function edit(file: string, change: (json: Record<string, any>) => void): void {
  const json = JSON.parse(readFileSync(file, 'utf8'));
  change(json);
  writeFileSync(file, JSON.stringify(json));
}

describe('npm run validate (packageProblems)', () => {
  it('finds nothing wrong with the package npm run package writes', async () => {
    expect(await packageProblems(freshPackage())).toEqual([]);
  });

  it('names a manifest value that breaks the schema', async () => {
    const folder = freshPackage();
    edit(join(folder, 'manifest.json'), (manifest) => (manifest.name.short = 'x'.repeat(31)));
    expect(await packageProblems(folder)).toEqual([expect.stringMatching(/^manifest\.json: .*name\/short/)]);
  });

  it('names a language file key the localization schema does not allow', async () => {
    const folder = freshPackage();
    edit(join(folder, 'de-de.json'), (strings) => (strings['name.nickname'] = 'CRM'));
    expect(await packageProblems(folder)).toEqual([expect.stringMatching(/^de-de\.json: .*name\.nickname/)]);
  });

  it('says how to make the package when there is none', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'app-package-none-'));
    folders.push(empty);
    expect(await packageProblems(empty)).toEqual([expect.stringMatching(/run `npm run package` first/)]);
  });
});
