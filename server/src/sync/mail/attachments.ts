import type { MailMessage } from '../../crm/mails/mailMessage.js';
import { MAX_ATTACHMENTS } from '../../crm/mails/mailMessage.js';
import { GraphError } from '../../graph/graphError.js';
import type { Page } from '../../graph/paging.js';
import { attachmentInfos, type GraphAttachment } from '../../mail/messageMapping.js';
import type { ContainerGraph } from '../engine/containerGraph.js';

/**
 * The names and sizes of a message's attachments, never their content (docs/product-rules.md#r-filed-mail-bounded).
 * A message deleted since the delta page was read is filed without them.
 */
export async function readAttachments(graph: ContainerGraph, messageId: string): Promise<MailMessage['attachments']> {
  try {
    const page = await graph.graph.get<Page<GraphAttachment>>(
      `${graph.base}/messages/${encodeURIComponent(messageId)}/attachments?$select=name,size,contentType&$top=${MAX_ATTACHMENTS}`,
    );
    return attachmentInfos(page.value);
  } catch (error) {
    if (error instanceof GraphError && error.kind === 'not_found') return [];
    throw error;
  }
}
