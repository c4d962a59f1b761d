/**
 * `npm run package`: builds the app package (manifest.json, icons, language files, build/appPackage.zip).
 * Options fall back to environment variables, then to the local development values.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PackageOptionError, type PackageOptions } from './options.js';
import { writeAppPackage } from './write-package.js';

/** The local app registration's client id and a fixed Teams app id, so a local build needs no flags. */
export const LOCAL_CLIENT_ID = '3f6c1e2a-9d84-4b7e-a5c3-7e2d9f1b6a08';
export const LOCAL_APP_ID = '8b1d4f6e-2c7a-4e9b-9f3d-5a6c0e2b7d14';

const USAGE = `Usage: npm run package -- [options]
  --base-url <url>    https origin of the service (env PUBLIC_URL, default https://localhost:3000)
  --client-id <guid>  Entra app client id (env CLIENT_ID, default the local app's)
  --app-id <guid>     Teams app id (env TEAMS_APP_ID, default a fixed local GUID)
  --brand <name>      brand shown to users (env BRAND_NAME, default "Zoho CRM")
  --version <n.n.n>   app version (default package.json's version)
  --out <folder>      output folder (default appPackage)`;

function packageJsonVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '';
}

function main(argv: string[], env: NodeJS.ProcessEnv): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        'base-url': { type: 'string' },
        'client-id': { type: 'string' },
        'app-id': { type: 'string' },
        brand: { type: 'string' },
        version: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const options: PackageOptions = {
    baseUrl: values['base-url'] ?? (env.PUBLIC_URL || 'https://localhost:3000'),
    clientId: values['client-id'] ?? (env.CLIENT_ID || LOCAL_CLIENT_ID),
    appId: values['app-id'] ?? (env.TEAMS_APP_ID || LOCAL_APP_ID),
    brand: values.brand ?? (env.BRAND_NAME || 'Zoho CRM'),
    version: values.version ?? packageJsonVersion(),
  };
  const outDir = resolve(values.out ?? 'appPackage');
  try {
    const written = writeAppPackage(options, outDir);
    console.log(`wrote ${written.manifestPath}`);
    console.log(`wrote ${written.zipPath} (${written.entries.join(', ')})`);
    return 0;
  } catch (error) {
    if (error instanceof PackageOptionError) {
      console.error(`error: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

process.exitCode = main(process.argv.slice(2), process.env);
