import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestTenant, type TestTenant } from './test/testTenant.js';

/** An address of this machine that other machines on the network use to reach it. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry && !entry.internal && entry.family === 'IPv4')?.address;

function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe.skipIf(networkAddress === undefined)('where the local tenant listens', () => {
  let tenant: TestTenant | undefined;
  afterEach(async () => {
    await tenant?.close();
    tenant = undefined;
  });

  it('answers this machine only by default', async () => {
    tenant = await startTestTenant();
    expect(await reachable('localhost', tenant.tenant.port)).toBe(true);
    expect(await reachable(networkAddress!, tenant.tenant.port)).toBe(false);
  });

  it('answers the network when a host is given explicitly', async () => {
    tenant = await startTestTenant({ host: '0.0.0.0' });
    expect(await reachable(networkAddress!, tenant.tenant.port)).toBe(true);
  });
});
