/**
 * `npm run validate`: builds the app package (`npm run package`), then checks it offline (check-package.ts).
 * Exits 1 and lists the problems when anything is wrong.
 */
import { resolve } from 'node:path';
import { packageProblems } from './check-package.js';

const folder = resolve(process.argv[2] ?? 'appPackage');
const problems = await packageProblems(folder);
if (problems.length > 0) {
  console.error(`The app package in ${folder} is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`The app package in ${folder} is valid (manifest schema and language files, checked offline).`);
