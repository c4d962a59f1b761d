import path from 'node:path';
import { ensureLocalCertificates } from './certs/localCertificates.js';
import { SEED_TENANTS } from './seed/seedTenants.js';
import { startDevTenant } from './server.js';

/** `tsx devtenant/src/main.ts`: the local tenant alone, with no app registered (the service registers its own). */
async function main(): Promise<void> {
  const portText = process.env.DEVTENANT_PORT ?? '3001';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`DEVTENANT_PORT must be a port number, got '${portText}'.`);
  }
  const generated = Number(process.env.DEVTENANT_GENERATED_USERS ?? '0');
  const root = process.cwd();
  const certs = await ensureLocalCertificates(path.join(root, '.local', 'certs'));
  const dataDir = path.join(root, '.local', 'devtenant');
  const tenant = await startDevTenant({
    port,
    ...(process.env.DEVTENANT_HOST ? { host: process.env.DEVTENANT_HOST } : {}),
    tls: { cert: certs.certPem, key: certs.keyPem, ca: certs.caCertPem },
    apps: [],
    stateFile: path.join(dataDir, 'state.json'),
    signingKeyFile: path.join(dataDir, 'signing-key.json'),
    generatedUsersPerTenant: generated,
  });
  const accounts = SEED_TENANTS.flatMap((t) =>
    t.users.map(
      (u) =>
        `    ${u.userPrincipalName.padEnd(44)} ${u.displayName}${u.isGlobalAdmin ? ' (Global Administrator)' : ''}`,
    ),
  );
  process.stdout.write(`devtenant: local Microsoft Entra ID + Graph at ${tenant.url}
  Mailboxes and tenants:   ${tenant.url}/
  Authority (per tenant):  ${tenant.url}/{tenant id | domain | common | organizations}
  Graph:                   ${tenant.url}/v1.0
  Certificate authority:   ${certs.caCertPath}  (trust it, or NODE_EXTRA_CA_CERTS=${certs.caCertPath})
  Password for every account: ${tenant.password}
  Accounts:
${accounts.join('\n')}
`);
  const stop = () => {
    void tenant.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`devtenant failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
