import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { storeKinds, TEST_DATABASE_URL } from '../stores.js';
import { TcpProxy } from '../tcpProxy.js';

const postgres = (await storeKinds()).find((kind) => kind.name === 'postgres');

/** The outage tests trust the proxy to break the connection the way a network or a database does. */
describe.skipIf(!postgres?.available)('TcpProxy in front of PostgreSQL', () => {
  let proxy: TcpProxy;
  let url: string;
  const clients: pg.Client[] = [];

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.end().catch(() => undefined);
    await proxy.close();
  });

  async function connect(options: pg.ClientConfig = {}): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url, ...options });
    client.on('error', () => undefined);
    clients.push(client);
    await client.connect();
    return client;
  }

  it('forwards queries, then cut resets open connections and refuses new ones until restored', async () => {
    ({ proxy, url } = await TcpProxy.forDatabaseUrl(TEST_DATABASE_URL));
    const before = await connect();
    expect((await before.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);

    proxy.cut();
    await expect(before.query('select 1')).rejects.toThrow();
    await expect(connect()).rejects.toThrow();

    proxy.restore();
    const after = await connect();
    expect((await after.query<{ one: number }>('select 1 as one')).rows).toEqual([{ one: 1 }]);
  });

  it('hang lets nothing through either way, new connections included; restore delivers what was held', async () => {
    ({ proxy, url } = await TcpProxy.forDatabaseUrl(TEST_DATABASE_URL));
    const open = await connect();
    proxy.hang();
    await expect(connect({ connectionTimeoutMillis: 300 })).rejects.toThrow(/timeout/i);
    const pending = open.query<{ one: number }>('select 1 as one');
    const outcome = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('waiting'), 500))]);
    expect(outcome).toBe('waiting');

    proxy.restore();
    expect((await pending).rows).toEqual([{ one: 1 }]);
  });
});
