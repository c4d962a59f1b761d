import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

export const repositoryRoot = join(import.meta.dirname, '..', '..', '..');
const run = promisify(execFile);

/**
 * `npm run build`, then `npm run bundle` into `folder` (inside the repository, so the bundle finds the
 * repository's node_modules as `npm ci --omit=dev` would have put them beside it).
 */
export async function buildAndBundle(folder: string): Promise<void> {
  const options = { cwd: repositoryRoot, maxBuffer: 16 * 1024 * 1024 };
  await run('npm', ['run', 'build'], options);
  await run('npm', ['run', 'bundle', '--', '--out', folder], options);
}

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * The compiled service (or worker) as an operator runs it: `node dist/server/src/main.js` in the deployed folder, with
 * only the given environment (no tsx loader, no inherited NODE_OPTIONS).
 */
export class CompiledService {
  readonly child: ChildProcess;
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(
    folder: string,
    readonly url: string,
    env: Record<string, string>,
    entry = 'dist/server/src/main.js',
  ) {
    this.child = spawn(process.execPath, [entry], {
      cwd: folder,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  /** Polls `path` until it answers `status`; fails with the process's output when it exits or takes too long. */
  async waitFor(path: string, status: number, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`service exited ${this.child.exitCode}:\n${this.tail()}`);
      try {
        if ((await fetch(`${this.url}${path}`)).status === status) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${path} never answered ${status}:\n${this.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits until the output contains `text`. */
  async waitForOutput(text: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (this.child.exitCode !== null) throw new Error(`exited ${this.child.exitCode}:\n${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`never logged "${text}":\n${this.tail()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }

  tail(): string {
    return this.output.slice(-3000);
  }
}
