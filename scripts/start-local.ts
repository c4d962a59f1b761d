import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureLocalCertificates, SEED_TENANTS, startDevTenant } from '../devtenant/src/index.js';
import { ConfigError, loadConfig } from '../server/src/config/config.js';
import { DEMO_ACCOUNT, seedDemoAccount } from '../server/src/crm/demoAccount.js';
import { startService } from '../server/src/service.js';
import { LOCAL_CLIENT_ID, localAppRegistration } from './localAppRegistration.js';

/**
 * `npm start`: the whole product on this machine — the local Microsoft 365 tenant and the service, over HTTPS
 * with a certificate made here, on SQLite unless DATABASE_URL says otherwise.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = resolve(process.env.LOCAL_DATA_DIR ?? join(root, '.local'));
const port = Number(process.env.PORT ?? 3000);
const tenantPort = Number(process.env.DEVTENANT_PORT ?? 3001);
const publicUrl = `https://localhost:${port}`;

interface LocalSecrets {
  clientSecret: string;
  stateSecret: string;
}

function localSecrets(file: string): LocalSecrets {
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets = {
    clientSecret: randomBytes(24).toString('base64url'),
    stateSecret: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

try {
  const certificates = await ensureLocalCertificates(join(dataDir, 'certs'));
  const secrets = localSecrets(join(dataDir, 'secrets.json'));
  const brandName = process.env.BRAND_NAME ?? 'Zoho CRM';
  const tenant = await startDevTenant({
    port: tenantPort,
    ...(process.env.DEVTENANT_HOST ? { host: process.env.DEVTENANT_HOST } : {}),
    tls: { cert: certificates.certPem, key: certificates.keyPem, ca: certificates.caCertPem },
    apps: [localAppRegistration(publicUrl, secrets.clientSecret, brandName)],
    stateFile: join(dataDir, 'devtenant', 'state.json'),
    signingKeyFile: join(dataDir, 'devtenant', 'signing-key.json'),
  });
  const config = loadConfig({
    LOG_LEVEL: 'warn',
    DATABASE_URL: `sqlite:${join(dataDir, 'crm.sqlite')}`,
    ...process.env,
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    AUTHORITY_HOST: tenant.url,
    GRAPH_BASE_URL: `${tenant.url}/v1.0`,
    CLIENT_ID: LOCAL_CLIENT_ID,
    CLIENT_SECRET: secrets.clientSecret,
    STATE_SECRET: secrets.stateSecret,
    BRAND_NAME: brandName,
    TLS_CERT_FILE: certificates.certPath,
    TLS_KEY_FILE: certificates.keyPath,
    EXTRA_CA_CERTS_FILE: certificates.caCertPath,
  });
  const service = await startService(config);
  await seedDemoAccount(service.deps.store.db, tenant.password, new Date());

  const accounts = SEED_TENANTS.map(
    (seed) =>
      `  ${seed.domain}\n${seed.users.map((user) => `    ${user.userPrincipalName}${user.isGlobalAdmin ? '  (Global Administrator)' : ''}`).join('\n')}`,
  ).join('\n');
  console.log(`
${brandName} for Microsoft 365 is running locally.

  Open the app:          ${publicUrl}/
  Outlook task pane:     ${publicUrl}/taskpane.html?host=outlook
  Local Microsoft 365:   ${tenant.url}/   (mailboxes: read invitation and approval mails here)

Sign in with any of these accounts; the password for all of them is: ${tenant.password}
${accounts}

CRM-native account for "Link my account": ${DEMO_ACCOUNT.email} / ${tenant.password}

The pages use a certificate made on this machine (${certificates.caCertPath}).
Trust that CA in your browser, or accept the warning once on ${publicUrl} and on ${tenant.url}.
Data lives in ${dataDir}; delete that folder to start over. Stop with Ctrl+C.
`);
  const stop = () => void Promise.all([service.close(), tenant.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
