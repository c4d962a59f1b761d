import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { OutboundFetch } from '../auth/outboundFetch.js';
import type { Mailer } from '../crm/mailer.js';
import { AppError } from '../errors.js';
import { connectGraph } from '../graph/graphClient.js';
import { graphFailureOf } from '../graph/graphErrors.js';
import { buildMimeMessage } from './mime.js';

/**
 * Sends from the signed-in user's mailbox with Graph `POST /me/sendMail` on their behalf (Mail.Send), as a MIME
 * message so that it carries both a plain-text and an HTML body (Graph's JSON form takes only one).
 */
export function createGraphMailer(graphBaseUrl: string, fetch: OutboundFetch, tokens: MicrosoftTokens): Mailer {
  return {
    async send(from, mail) {
      try {
        const client = await connectGraph(graphBaseUrl, fetch, () =>
          tokens.onBehalfOf(from, ['https://graph.microsoft.com/Mail.Send']),
        );
        const mime = Buffer.from(await buildMimeMessage(mail), 'utf8').toString('base64');
        await client.api('/me/sendMail').header('Content-Type', 'text/plain').post(mime);
      } catch (error) {
        if (error instanceof AppError) throw error;
        const failure = graphFailureOf(error);
        if (failure)
          throw new AppError(
            failure.kind === 'consent_missing' ? 'consent_required' : 'graph_unavailable',
            `${failure.status} ${failure.code}`,
          );
        throw error;
      }
    },
  };
}
