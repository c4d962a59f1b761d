import { participantAddresses, type MailMessage } from './mailMessage.js';

export type AutomaticFilingRefusal = 'sensitive' | 'colleagues_only';

/**
 * Why a message must never be filed automatically, or undefined when it may be: a mail its author marked private
 * or confidential, and a mail between colleagues only (no address outside the organisation), stay out of the CRM
 * unless a person files it by hand (docs/product-rules.md#r-automatic-filing-leaves-out).
 */
export function automaticFilingRefusal(
  message: Pick<MailMessage, 'sensitivity' | 'from' | 'to' | 'cc'>,
  isColleague: (address: string) => boolean,
): AutomaticFilingRefusal | undefined {
  if (message.sensitivity === 'private' || message.sensitivity === 'confidential') return 'sensitive';
  if (participantAddresses(message).every(isColleague)) return 'colleagues_only';
  return undefined;
}
