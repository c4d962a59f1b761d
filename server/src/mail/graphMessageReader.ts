import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { OutboundFetch } from '../auth/outboundFetch.js';
import type { MessageReader } from '../crm/mails/messageReader.js';
import { AppError } from '../errors.js';
import { connectGraph } from '../graph/graphClient.js';
import { graphFailureOf } from '../graph/graphErrors.js';
import { MAX_ATTACHMENTS } from '../crm/mails/mailMessage.js';
import { mailMessageOf, MESSAGE_FIELDS, type GraphAttachment, type GraphMessage } from './messageMapping.js';

/**
 * Reads a message from the signed-in user's mailbox on their behalf (Mail.Read): the EWS id Office.js gives is
 * converted with translateExchangeIds, the body comes as text, attachments as names and sizes only
 * (docs/graph-behaviour.md#office-item-ids-and-translateexchangeids, #message-body-as-text,
 * #message-sensitivity-and-attachments).
 */
export function createGraphMessageReader(
  graphBaseUrl: string,
  fetch: OutboundFetch,
  tokens: MicrosoftTokens,
): MessageReader {
  return {
    async read(identity, itemId) {
      try {
        const client = await connectGraph(graphBaseUrl, fetch, () =>
          tokens.onBehalfOf(identity, ['https://graph.microsoft.com/Mail.Read']),
        );
        const translated = (await client
          .api('/me/translateExchangeIds')
          .post({ inputIds: [itemId], sourceIdType: 'ewsId', targetIdType: 'restId' })) as {
          value: { targetId?: string }[];
        };
        const restId = translated.value[0]?.targetId;
        if (!restId) throw new AppError('mail_not_in_mailbox', 'translateExchangeIds gave no REST id');
        const path = `/me/messages/${encodeURIComponent(restId)}`;
        const message = (await client
          .api(path)
          .header('Prefer', 'outlook.body-content-type="text"')
          .select(MESSAGE_FIELDS)
          .get()) as GraphMessage;
        const attachments = message.hasAttachments
          ? (
              (await client
                .api(`${path}/attachments`)
                .select(['name', 'size', 'contentType'])
                .top(MAX_ATTACHMENTS)
                .get()) as { value: GraphAttachment[] }
            ).value
          : [];
        const mail = mailMessageOf(message, attachments);
        if (!mail) throw new AppError('mail_not_in_mailbox', 'the message has no internet message id (a draft)');
        return mail;
      } catch (error) {
        if (error instanceof AppError) throw error;
        const failure = graphFailureOf(error);
        if (!failure) throw error;
        if (failure.kind === 'not_found' || failure.kind === 'invalid_request')
          throw new AppError('mail_not_in_mailbox', `${failure.status} ${failure.code}`);
        throw new AppError(
          failure.kind === 'consent_missing' ? 'consent_required' : 'graph_unavailable',
          `${failure.status} ${failure.code}`,
        );
      }
    },
  };
}
