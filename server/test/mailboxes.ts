import { CONTOSO_TENANT_ID, FABRIKAM_TENANT_ID } from '../../devtenant/src/index.js';
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

/**
 * A mail from an address outside the local tenants (a customer) into local mailboxes, sent through the local
 * tenant's web view as a person would; resolves once it is delivered.
 */
export async function receiveFromOutside(
  stack: Stack,
  mail: {
    from: string;
    fromName?: string;
    to: string[];
    cc?: string[];
    subject: string;
    body: string;
    sensitivity?: string;
  },
): Promise<void> {
  const response = await stack.fetch(`${stack.tenant.url}/mail/external/send`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      from: mail.from,
      fromName: mail.fromName ?? '',
      to: mail.to.join(', '),
      cc: (mail.cc ?? []).join(', '),
      subject: mail.subject,
      body: mail.body,
      sensitivity: mail.sensitivity ?? 'normal',
    }).toString(),
    redirect: 'manual',
  });
  if (response.status !== 303) throw new Error(`the local tenant did not deliver: ${response.status}`);
}

/**
 * The id Office.js gives the pane for a message in this mailbox (`item.itemId`, the EWS format: the REST id in
 * standard base64, docs/graph-behaviour.md#office-item-ids-and-translateexchangeids).
 */
export async function officeItemId(stack: Stack, userPrincipalName: string, subject: string): Promise<string> {
  const mail = (await inbox(stack, userPrincipalName)).find((m) => m.subject === subject);
  if (!mail) throw new Error(`"${subject}" is not in ${userPrincipalName}'s Inbox`);
  return mail.id.replace(/-/g, '/').replace(/_/g, '+');
}

/**
 * A mail sent from a local mailbox as its owner would: through the local tenant's web view, or, with a file
 * attached or custom headers, through Graph's sendMail as the app (the web view has neither). Its copy lands in
 * Sent Items.
 */
export async function sendFromMailbox(
  stack: Stack,
  userPrincipalName: string,
  mail: {
    to: string[];
    subject: string;
    body: string;
    attachment?: { name: string; contentBase64: string };
    /** Custom internet headers, as Outlook sends those an add-in set on the draft. */
    headers?: Record<string, string>;
    /** Single-value extended properties of the item, as an add-in's custom properties are kept on the draft. */
    properties?: { id: string; value: string }[];
  },
): Promise<void> {
  if (!mail.attachment && !mail.headers && !mail.properties) {
    const response = await stack.fetch(`${stack.tenant.url}/mail/${encodeURIComponent(userPrincipalName)}/send`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ to: mail.to.join(', '), subject: mail.subject, body: mail.body }).toString(),
      redirect: 'manual',
    });
    if (response.status !== 303) throw new Error(`the local tenant did not send: ${response.status}`);
    return;
  }
  const domain = userPrincipalName.split('@')[1]!;
  const tenantId = domain.startsWith('fabrikam') ? FABRIKAM_TENANT_ID : CONTOSO_TENANT_ID;
  const token = await stack.deps.sync.tokens.appOnly(tenantId);
  const response = await stack.fetch(
    `${stack.tenant.url}/v1.0/users/${encodeURIComponent(userPrincipalName)}/sendMail`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        message: {
          subject: mail.subject,
          body: { contentType: 'Text', content: mail.body },
          toRecipients: mail.to.map((address) => ({ emailAddress: { address } })),
          attachments: mail.attachment
            ? [
                {
                  '@odata.type': '#microsoft.graph.fileAttachment',
                  name: mail.attachment.name,
                  contentType: 'application/pdf',
                  contentBytes: mail.attachment.contentBase64,
                },
              ]
            : [],
          ...(mail.properties ? { singleValueExtendedProperties: mail.properties } : {}),
          ...(mail.headers
            ? {
                internetMessageHeaders: Object.entries(mail.headers).map(([name, value]) => ({ name, value })),
              }
            : {}),
        },
      }),
    },
  );
  if (response.status !== 202) throw new Error(`sendMail failed: ${response.status} ${await response.text()}`);
}
