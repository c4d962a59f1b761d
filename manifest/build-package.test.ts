import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const outDir = mkdtempSync(join(tmpdir(), 'build-package-cli-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(tsx, ['manifest/build-package.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    // Only what the child needs, so developer variables (PUBLIC_URL, CLIENT_ID, …) do not leak into the test.
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run package (CLI)', () => {
  it('builds the package with flags and takes defaults from the environment', () => {
    const result = run(
      ['--base-url', 'https://crm.example.com', '--client-id', '0b7f3c52-8d1e-4a6f-9c2b-5e4d3a2f1b70', '--out', outDir],
      { BRAND_NAME: 'Acme CRM', TEAMS_APP_ID: 'c4e2a9d7-1f3b-4c8e-a6d5-9b0f2e7c3a41' },
    );
    expect(result.status, result.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8'));
    expect(manifest.name.short).toBe('Acme CRM');
    expect(manifest.id).toBe('c4e2a9d7-1f3b-4c8e-a6d5-9b0f2e7c3a41');
    expect(manifest.webApplicationInfo.id).toBe('0b7f3c52-8d1e-4a6f-9c2b-5e4d3a2f1b70');
    expect(manifest.version).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    expect(result.stdout).toContain(join(outDir, 'build', 'appPackage.zip'));
  });

  it('rejects a bad base URL, naming --base-url', () => {
    const result = run(['--base-url', 'http://crm.example.com/app', '--out', outDir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--base-url/);
  });

  it('rejects a client id that is not a GUID, naming --client-id', () => {
    const result = run(['--client-id', 'not-a-guid', '--out', outDir]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--client-id: "not-a-guid" is not a GUID/);
  });

  it('rejects unknown options with the usage text', () => {
    const result = run(['--base', 'https://x.example.com']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/Usage: npm run package/);
  });
});
