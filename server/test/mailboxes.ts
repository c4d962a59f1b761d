import type { Stack } from './stack.js';

export interface ReceivedMail {
  id: string;
  subject: string;
  body: { contentType: string; content: string };
  from: { emailAddress: { address: string } };
  toRecipients: { emailAddress: { address: string } }[];
}

/** The Inbox of a local mailbox, newest first, as the local tenant's inspection API shows it. */
export async function inbox(stack: Stack, userPrincipalName: string): Promise<ReceivedMail[]> {
  const response = await stack.fetch(
    `${stack.tenant.url}/_devtenant/api/mailboxes/${encodeURIComponent(userPrincipalName)}/messages?folder=inbox`,
  );
  return ((await response.json()) as { value: ReceivedMail[] }).value;
}

/** The first link in a mail that carries the given query parameter, e.g. `invitation` or `accessRequest`. */
export function linkWith(mail: ReceivedMail, parameter: string): URL {
  const href = new RegExp(`https://[^"'\\s<>]+[?&]${parameter}=[^"'\\s<>]+`).exec(
    mail.body.content.replace(/&amp;/g, '&'),
  )?.[0];
  if (!href) throw new Error(`No ${parameter} link in "${mail.subject}"`);
  return new URL(href);
}
