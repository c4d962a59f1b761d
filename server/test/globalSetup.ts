import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureLocalCertificates } from '../../devtenant/src/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    certificatesDir: string;
  }
}

/** Makes the local CA and localhost certificate once per test run; every test file's stack reuses them. */
export default async function setup(project: TestProject): Promise<void> {
  const dir = join(mkdtempSync(join(tmpdir(), 'crm-test-')), 'certs');
  await ensureLocalCertificates(dir);
  project.provide('certificatesDir', dir);
}
