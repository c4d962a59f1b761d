import type { MicrosoftIdentity } from '../identity.js';
import type { MailMessage } from './mailMessage.js';

/**
 * Reads one message from the signed-in user's own mailbox on their behalf. `itemId` is what Office.js gives the
 * pane (the EWS format); the reader converts it. Throws AppError `mail_not_in_mailbox` when the mailbox has no
 * such message, `consent_required` or `graph_unavailable` when Microsoft 365 cannot answer.
 */
export interface MessageReader {
  read(identity: MicrosoftIdentity, itemId: string): Promise<MailMessage>;
}
