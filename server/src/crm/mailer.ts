import type { MicrosoftIdentity } from './identity.js';

export interface OutgoingMail {
  to: { address: string; name?: string }[];
  subject: string;
  text: string;
  html: string;
}

/** Sends mail from the signed-in user's own Microsoft 365 mailbox (Graph sendMail on their behalf). */
export interface Mailer {
  send(from: MicrosoftIdentity, mail: OutgoingMail): Promise<void>;
}
