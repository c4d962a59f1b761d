import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { OutboundFetch } from '../auth/outboundFetch.js';
import type { Mailer } from '../crm/mailer.js';
import { AppError } from '../errors.js';
import { GraphError } from '../graph/graphError.js';
import { connectGraph } from '../graph/graphTransport.js';
import { buildMimeMessage } from './mime.js';

/**
 * Sends from the signed-in user's mailbox with Graph `POST /me/sendMail` on their behalf (Mail.Send), as a MIME
 * message so that it carries both a plain-text and an HTML body (Graph's JSON form takes only one).
 */
export function createGraphMailer(graphBaseUrl: string, fetch: OutboundFetch, tokens: MicrosoftTokens): Mailer {
  return {
    async send(from, mail) {
      try {
        const graph = await connectGraph(graphBaseUrl, fetch, () =>
          tokens.onBehalfOf(from, ['https://graph.microsoft.com/Mail.Send']),
        );
        const mime = Buffer.from(await buildMimeMessage(mail), 'utf8').toString('base64');
        await graph.send({
          method: 'POST',
          path: '/me/sendMail',
          body: mime,
          headers: { 'Content-Type': 'text/plain' },
        });
      } catch (error) {
        if (error instanceof GraphError)
          throw new AppError(
            error.kind === 'consent_missing' ? 'consent_required' : 'graph_unavailable',
            `${error.status} ${error.code}`,
          );
        throw error;
      }
    },
  };
}
