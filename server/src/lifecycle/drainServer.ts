import type { Server } from 'node:http';

/** How often connections left idle by a finished response are closed while draining. */
const IDLE_SWEEP_MS = 100;

/**
 * Stops accepting connections and lets the requests in flight finish, for at most `graceMs`; then closes the
 * connections still open. Resolves once the server is closed; `forced` tells whether the grace ran out.
 */
export async function drainServer(server: Server, graceMs: number): Promise<{ forced: boolean }> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // A keep-alive connection stays open after its last response until its idle timeout (5 s); closing idle
  // connections as their responses finish lets the drain end as soon as the last request does.
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<true>((resolve) => {
    timer = setTimeout(() => resolve(true), graceMs);
  });
  try {
    const forced = await Promise.race([closed.then(() => false), graceOver]);
    if (forced) {
      server.closeAllConnections();
      await closed;
    }
    return { forced };
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
  }
}
