import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiPath, openApiText } from './write-openapi.js';

describe('docs/openapi.json', () => {
  it('is the document the contract generates (run `npx tsx scripts/write-openapi.ts` after changing common/api)', async () => {
    expect(readFileSync(openApiPath, 'utf8')).toBe(await openApiText());
  });
});
