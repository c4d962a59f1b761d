/**
 * `npm run bundle [-- --out <folder>]`: the folder a server runs, build/deploy by default (after `npm run build`):
 * the compiled service and worker, the built add-in, the ribbon icons, and a package.json whose `npm start` is
 * the production start (hosts such as Azure App Service run `npm start` unless told otherwise). Running
 * `npm ci --omit=dev` inside it installs only what the service needs at run time: no tsx, no local tenant.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const out = resolve(values.out ?? join(root, 'build', 'deploy'));

const required = ['dist/server/src/main.js', 'dist/server/src/worker.js', 'addin/dist/index.html'];
const missing = required.filter((file) => !existsSync(join(root, file)));
if (missing.length > 0) {
  console.error(`Missing ${missing.join(', ')}: run \`npm run build\` first.`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
// The same layout as the repository, so the compiled service finds the add-in and icons where it looks in dev.
cpSync(join(root, 'dist'), join(out, 'dist'), { recursive: true });
cpSync(join(root, 'addin', 'dist'), join(out, 'addin', 'dist'), { recursive: true });
mkdirSync(join(out, 'manifest', 'icons'), { recursive: true });
for (const icon of readdirSync(join(root, 'manifest', 'icons')).filter((name) => name.endsWith('.png'))) {
  cpSync(join(root, 'manifest', 'icons', icon), join(out, 'manifest', 'icons', icon));
}
cpSync(join(root, 'package-lock.json'), join(out, 'package-lock.json'));

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
// devDependencies stay listed so the lock file still matches; `npm ci --omit=dev` leaves them out.
const deployed = {
  ...pkg,
  scripts: { start: 'node dist/server/src/main.js', worker: 'node dist/server/src/worker.js' },
};
writeFileSync(join(out, 'package.json'), `${JSON.stringify(deployed, null, 2)}\n`);
console.log(`wrote ${out} (npm ci --omit=dev there, then npm start runs the service, npm run worker a worker)`);
