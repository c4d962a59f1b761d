import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The product as `npm start` runs it, on its own ports and a fresh data folder, driven in Debian's Chromium. */
export const SERVICE_PORT = Number(process.env.E2E_PORT ?? 3100);
export const TENANT_PORT = Number(process.env.E2E_DEVTENANT_PORT ?? 3101);
// Made once by the runner and handed to the test workers (they load this file again) through the environment.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'crm-e2e-'));
export const DATA_DIR = process.env.E2E_DATA_DIR;
const dataDir = DATA_DIR;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: join(dataDir, 'results'),
  use: {
    baseURL: `https://localhost:${SERVICE_PORT}`,
    ignoreHTTPSErrors: true,
    viewport: { width: 1100, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-quic',
        '--no-first-run',
        '--disable-sync',
      ],
    },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx scripts/start-local.ts',
    cwd: join(import.meta.dirname, '..'),
    url: `https://localhost:${SERVICE_PORT}/healthz`,
    ignoreHTTPSErrors: true,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    env: { PORT: String(SERVICE_PORT), DEVTENANT_PORT: String(TENANT_PORT), LOCAL_DATA_DIR: dataDir },
  },
});
