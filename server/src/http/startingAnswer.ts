import type { IncomingMessage, ServerResponse } from 'node:http';
import { languageFromAcceptLanguage } from '../i18n/language.js';
import { STARTING_MESSAGE } from '../i18n/startingMessage.js';

/**
 * The answer before the app exists (migrations running): alive on /healthz, not ready on /readyz, and 503 with
 * Retry-After for everything else, so a long migration neither fails liveness probes nor drops requests silently.
 */
export function answerWhileStarting(req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0];
  const alive = path === '/healthz';
  const body =
    alive || path === '/readyz'
      ? { status: 'starting' }
      : { error: 'starting', message: STARTING_MESSAGE[languageFromAcceptLanguage(req.headers['accept-language'])] };
  res.writeHead(alive ? 200 : 503, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(alive ? {} : { 'Retry-After': '5' }),
  });
  res.end(JSON.stringify(body));
}
