import type { MicrosoftTokens } from '../auth/microsoftTokens.js';
import type { OutboundFetch } from '../auth/outboundFetch.js';
import type { MessageReader } from '../crm/mails/messageReader.js';
import { AppError } from '../errors.js';
import { GraphError } from '../graph/graphError.js';
import { connectGraph } from '../graph/graphTransport.js';
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
        const graph = await connectGraph(graphBaseUrl, fetch, () =>
          tokens.onBehalfOf(identity, ['https://graph.microsoft.com/Mail.Read']),
        );
        const translated = (await graph.send({
          method: 'POST',
          path: '/me/translateExchangeIds',
          body: { inputIds: [itemId], sourceIdType: 'ewsId', targetIdType: 'restId' },
        })) as { value: { targetId?: string }[] };
        const restId = translated.value[0]?.targetId;
        if (!restId) throw new AppError('mail_not_in_mailbox', 'translateExchangeIds gave no REST id');
        const path = `/me/messages/${encodeURIComponent(restId)}`;
        const message = await graph.get<GraphMessage>(`${path}?$select=${MESSAGE_FIELDS.join(',')}`, {
          Prefer: 'outlook.body-content-type="text"',
        });
        const attachments = message.hasAttachments
          ? (
              await graph.get<{ value: GraphAttachment[] }>(
                `${path}/attachments?$select=name,size,contentType&$top=${MAX_ATTACHMENTS}`,
              )
            ).value
          : [];
        const mail = mailMessageOf(message, attachments);
        if (!mail) throw new AppError('mail_not_in_mailbox', 'the message has no internet message id (a draft)');
        return mail;
      } catch (error) {
        if (error instanceof AppError) throw error;
        if (!(error instanceof GraphError)) throw error;
        if (error.kind === 'not_found' || error.kind === 'invalid_request')
          throw new AppError('mail_not_in_mailbox', `${error.status} ${error.code}`);
        throw new AppError(
          error.kind === 'consent_missing' ? 'consent_required' : 'graph_unavailable',
          `${error.status} ${error.code}`,
        );
      }
    },
  };
}
