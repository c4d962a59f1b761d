import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

type ProxyState = 'open' | 'cut' | 'hung';

interface Pair {
  client: Socket;
  upstream: Socket | undefined;
  /** Bytes held back while hung, each way, delivered in order on restore. */
  heldUp: Buffer[];
  heldDown: Buffer[];
}

/**
 * A TCP proxy on a loopback port in front of a real server (PostgreSQL in the outage tests), so a test can break
 * the network between the service and its database without touching the shared server:
 * - `cut()`: every connection is reset and new ones are reset on arrival, as when the database or the network
 *   goes down (clients see ECONNRESET / "Connection terminated unexpectedly");
 * - `hang()`: connections stay open but nothing passes either way, and new ones are accepted but never reach the
 *   server, as when packets are dropped silently (a blackhole); bytes held back flow again after `restore()`,
 *   as TCP retransmission would deliver them once the network heals;
 * - `restore()`: new connections reach the server again.
 */
export class TcpProxy {
  private state: ProxyState = 'open';
  private readonly pairs = new Set<Pair>();

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  /** Listens on an ephemeral loopback port and forwards to `target`. */
  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer();
    const proxy = new TcpProxy(server, target);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return proxy;
  }

  /** A proxy in front of the server a postgres:// URL names; `url` is that URL pointed at the proxy. */
  static async forDatabaseUrl(databaseUrl: string): Promise<{ proxy: TcpProxy; url: string }> {
    const parsed = new URL(databaseUrl);
    const proxy = await TcpProxy.start({ host: parsed.hostname, port: Number(parsed.port || 5432) });
    parsed.hostname = '127.0.0.1';
    parsed.port = String(proxy.port);
    return { proxy, url: parsed.toString() };
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Connections currently open through the proxy. */
  get connectionCount(): number {
    return this.pairs.size;
  }

  cut(): void {
    this.state = 'cut';
    for (const pair of [...this.pairs]) this.drop(pair);
  }

  hang(): void {
    this.state = 'hung';
  }

  restore(): void {
    this.state = 'open';
    for (const pair of this.pairs) {
      if (!pair.upstream) this.connectUpstream(pair);
      else this.flush(pair);
    }
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    client.on('error', () => undefined);
    if (this.state === 'cut') {
      client.resetAndDestroy();
      return;
    }
    const pair: Pair = { client, upstream: undefined, heldUp: [], heldDown: [] };
    this.pairs.add(pair);
    client.once('close', () => this.drop(pair));
    client.on('data', (chunk: Buffer) => {
      pair.heldUp.push(chunk);
      this.flush(pair);
    });
    if (this.state === 'open') this.connectUpstream(pair);
  }

  private connectUpstream(pair: Pair): void {
    const upstream = createConnection(this.target);
    pair.upstream = upstream;
    upstream.on('error', () => undefined);
    upstream.once('close', () => this.drop(pair));
    upstream.on('data', (chunk: Buffer) => {
      pair.heldDown.push(chunk);
      this.flush(pair);
    });
    this.flush(pair);
  }

  private flush(pair: Pair): void {
    if (this.state !== 'open' || !pair.upstream) return;
    for (const chunk of pair.heldUp.splice(0)) pair.upstream.write(chunk);
    for (const chunk of pair.heldDown.splice(0)) pair.client.write(chunk);
  }

  private drop(pair: Pair): void {
    if (!this.pairs.delete(pair)) return;
    if (!pair.client.destroyed) pair.client.resetAndDestroy();
    if (pair.upstream && !pair.upstream.destroyed) pair.upstream.destroy();
  }
}
