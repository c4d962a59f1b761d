/**
 * `npx tsx scripts/write-openapi.ts`: writes docs/openapi.json, the API's OpenAPI document generated from the
 * contract (common/api). Run it after changing the contract; a test fails while the file and the contract differ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { openApiDocument } from '../common/api/openapi.js';

export const openApiPath = join(import.meta.dirname, '..', 'docs', 'openapi.json');

/** docs/openapi.json's text as the contract makes it, formatted as the repository formats JSON. */
export async function openApiText(): Promise<string> {
  return format(JSON.stringify(openApiDocument()), { ...(await resolveConfig(openApiPath)), filepath: openApiPath });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(openApiPath, await openApiText());
  console.log(`wrote ${openApiPath}`);
}
