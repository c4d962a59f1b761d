import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/**
 * `npm run worker` as its own OS process (`node --import tsx server/src/worker.ts`, so a SIGKILL hits the process
 * that runs the jobs), restartable with the same configuration.
 */
export class WorkerProcess {
  private child: ChildProcess | undefined;
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  /** The running process's id (the queue names its worker `<host>:<pid>:…` in `job_runs`). */
  get pid(): number | undefined {
    return this.child?.exitCode === null ? this.child.pid : undefined;
  }

  /** Starts the process and waits for its "worker started" log line. */
  async start(): Promise<void> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/worker.ts'], {
      cwd: repositoryRoot,
      env: { ...process.env, ...this.env, LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let started = false;
    const collect = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
      if (this.output.includes('"msg":"worker started"')) started = true;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const deadline = Date.now() + 60_000;
    while (!started) {
      if (child.exitCode !== null)
        throw new Error(`worker exited with ${child.exitCode}:\n${this.output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`worker did not start:\n${this.output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** SIGKILL: no shutdown hooks, no lease handed back, as when a machine dies. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}
