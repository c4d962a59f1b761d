import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { OutboundFetch } from '../auth/outboundFetch.js';
import type { Mailer } from '../crm/mailer.js';
import { AppError } from '../errors.js';
import { connectGraph } from '../graph/graphClient.js';
import { graphFailureOf } from '../graph/graphErrors.js';

/** Sends from the signed-in user's mailbox with Graph `POST /me/sendMail` on their behalf (Mail.Send). */
export function createGraphMailer(graphBaseUrl: string, fetch: OutboundFetch, tokens: MicrosoftTokens): Mailer {
  return {
    async send(from, mail) {
      try {
        const client = await connectGraph(graphBaseUrl, fetch, () => tokens.onBehalfOf(from, ['https://graph.microsoft.com/Mail.Send']));
        await client.api('/me/sendMail').post({
          message: {
            subject: mail.subject,
            body: { contentType: 'HTML', content: mail.html },
            toRecipients: mail.to.map((recipient) => ({ emailAddress: { address: recipient.address, ...(recipient.name ? { name: recipient.name } : {}) } })),
          },
          saveToSentItems: true,
        });
      } catch (error) {
        if (error instanceof AppError) throw error;
        const failure = graphFailureOf(error);
        if (failure) throw new AppError(failure.kind === 'consent_missing' ? 'consent_required' : 'graph_unavailable', `${failure.status} ${failure.code}`);
        throw error;
      }
    },
  };
}
