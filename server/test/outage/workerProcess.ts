import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** `npm run worker` as its own OS process (`node --import tsx server/src/worker.ts`), configured by `env`. */
export class WorkerProcess {
  private child: ChildProcess | undefined;
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  /** Starts the worker and waits for its "worker started" log line. */
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/worker.ts'], {
      cwd: repositoryRoot,
      env: { ...process.env, LOG_LEVEL: 'info', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    // Generous: the 2-core test machine starts several tsx processes at once under load.
    const deadline = Date.now() + 60_000;
    while (!this.output.includes('"msg":"worker started"')) {
      if (child.exitCode !== null)
        throw new Error(`worker exited with ${child.exitCode}:\n${this.output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`worker did not start:\n${this.output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** The running process's id (the job queue names its worker `<host>:<pid>:…` in `job_runs`). */
  get pid(): number | undefined {
    return this.alive ? this.child?.pid : undefined;
  }

  /** Whether the process is still running (it has not exited or been killed). */
  get alive(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
