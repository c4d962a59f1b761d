import { z } from 'zod';
import { SENSITIVITIES, type InternetMessageHeader, type Sensitivity } from '../state/mailboxStore.js';
import { GraphError } from './graphError.js';

const recipient = z
  .object({ emailAddress: z.object({ address: z.string().optional(), name: z.string().optional() }).passthrough() })
  .passthrough();

const attachment = z
  .object({
    '@odata.type': z.string(),
    name: z.string().nullable().optional(),
    contentType: z.string().nullable().optional(),
    contentBytes: z.string().nullable().optional(),
    isInline: z.boolean().optional(),
  })
  .passthrough();

const sendMailBody = z.object({
  message: z
    .object({
      subject: z.string().nullable().optional(),
      body: z
        .object({ contentType: z.string().optional(), content: z.string().nullable().optional() })
        .passthrough()
        .optional(),
      toRecipients: z.array(recipient).optional(),
      ccRecipients: z.array(recipient).optional(),
      bccRecipients: z.array(recipient).optional(),
      replyTo: z.array(recipient).optional(),
      sensitivity: z.string().optional(),
      attachments: z.array(attachment).optional(),
      internetMessageHeaders: z.array(z.object({ name: z.string(), value: z.string() }).passthrough()).optional(),
    })
    .passthrough(),
  // Graph's own sample passes the string "false".
  saveToSentItems: z.union([z.boolean(), z.enum(['true', 'false', 'True', 'False'])]).optional(),
});

export interface SendMailInput {
  subject: string;
  contentType: 'text' | 'html';
  content: string;
  to: { address: string; name?: string }[];
  cc: { address: string; name?: string }[];
  bcc: { address: string; name?: string }[];
  saveToSentItems: boolean;
  sensitivity: Sensitivity;
  attachments: AttachmentInput[];
  /** Custom `x-` headers (sendMail's `internetMessageHeaders`); absent when none were sent. */
  internetMessageHeaders?: InternetMessageHeader[];
}

export interface AttachmentInput {
  name: string;
  contentType: string;
  contentBytes: string;
  isInline: boolean;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function parseSensitivity(raw: string | undefined): Sensitivity {
  if (raw === undefined) return 'normal';
  const found = SENSITIVITIES.find((s) => s === raw.toLowerCase());
  if (!found)
    throw invalidRequest(`Cannot convert the literal '${raw}' to the expected type 'microsoft.graph.sensitivity'.`);
  return found;
}

/** Only file attachments carry their bytes in a sendMail body; item and reference attachments are not played here. */
function parseAttachments(items: z.infer<typeof attachment>[] | undefined): AttachmentInput[] {
  return (items ?? []).map((a) => {
    if (a['@odata.type'].toLowerCase() !== '#microsoft.graph.fileattachment')
      throw invalidRequest(`The local tenant takes only '#microsoft.graph.fileAttachment', not '${a['@odata.type']}'.`);
    const contentBytes = a.contentBytes ?? '';
    if (!BASE64.test(contentBytes) || contentBytes.length % 4 !== 0)
      throw invalidRequest("Cannot read the request body: property 'contentBytes' is not a valid base64 string.");
    return {
      name: a.name ?? '',
      contentType: a.contentType ?? 'application/octet-stream',
      contentBytes,
      isInline: a.isInline ?? false,
    };
  });
}

/**
 * Graph takes at most 5 custom headers on a message and refuses more, and an empty list too, with
 * `InvalidInternetMessageHeaderCollection` (docs/graph-behaviour.md#custom-internet-headers).
 */
const MAX_INTERNET_MESSAGE_HEADERS = 5;
/**
 * Graph's bound on the length of one header is not documented (Exchange Online caps the whole header block at
 * 256 KB). The local tenant, erring on the strict side, keeps each header within one RFC 5322 line: 998 characters
 * for name, ": " and value; a longer header is refused like a malformed one.
 */
const MAX_HEADER_LINE = 998;
// RFC 5322 field names: printable US-ASCII except the colon.
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]+$/;

function invalidHeader(message: string): GraphError {
  return new GraphError(400, 'InvalidInternetMessageHeader', message);
}

/** Only custom headers, whose name starts with `x-` or `X-`, may be set (Graph's check and message). */
function parseInternetMessageHeaders(
  headers: { name: string; value: string }[] | undefined,
): InternetMessageHeader[] | undefined {
  if (headers === undefined) return undefined;
  if (headers.length === 0 || headers.length > MAX_INTERNET_MESSAGE_HEADERS)
    throw new GraphError(
      400,
      'InvalidInternetMessageHeaderCollection',
      `Maximum number of headers in one message should be less than or equal to ${MAX_INTERNET_MESSAGE_HEADERS}.`,
    );
  return headers.map(({ name, value }) => {
    if (!/^x-/i.test(name))
      throw invalidHeader(`The internet message header name '${name}' should start with 'x-' or 'X-'.`);
    if (!FIELD_NAME.test(name)) throw invalidHeader(`The internet message header name '${name}' is not valid.`);
    if (/[\r\n]/.test(value) || name.length + 2 + value.length > MAX_HEADER_LINE)
      throw invalidHeader(`The value of the internet message header '${name}' is not valid.`);
    return { name, value };
  });
}

// A pragmatic address check: Exchange refuses what it cannot resolve as SMTP.
export const SMTP_ADDRESS = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/;

function invalidRequest(message: string): GraphError {
  return new GraphError(400, 'ErrorInvalidRequest', message);
}

/** Validates a sendMail body as Graph would, returning a normalised message. */
export function parseSendMail(body: unknown): SendMailInput {
  if (body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) {
    throw invalidRequest('Empty Payload. JSON content expected.');
  }
  const parsed = sendMailBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.');
    if (where === 'message' || where === '') throw invalidRequest("The parameter 'Message' is missing or invalid.");
    throw invalidRequest(`Cannot read the request body: property '${where}' is invalid. ${issue.message}`);
  }
  const { message } = parsed.data;
  const rawType = message.body?.contentType ?? 'Text';
  const contentType = rawType.toLowerCase();
  if (contentType !== 'text' && contentType !== 'html') {
    throw invalidRequest(`Cannot convert the literal '${rawType}' to the expected type 'microsoft.graph.bodyType'.`);
  }
  const list = (items: z.infer<typeof recipient>[] | undefined) =>
    (items ?? []).map((r) => {
      const address = (r.emailAddress.address ?? '').trim();
      if (!SMTP_ADDRESS.test(address)) {
        throw new GraphError(
          400,
          'ErrorInvalidRecipients',
          `At least one recipient isn't valid., Recipient '${address}' isn't resolved. All recipients must be resolved before a message can be submitted.`,
        );
      }
      return { address, ...(r.emailAddress.name ? { name: r.emailAddress.name } : {}) };
    });
  // Checked before anything is sent: a refused header sends nothing.
  const headers = parseInternetMessageHeaders(message.internetMessageHeaders);
  const to = list(message.toRecipients);
  const cc = list(message.ccRecipients);
  const bcc = list(message.bccRecipients);
  if (to.length + cc.length + bcc.length === 0) {
    throw new GraphError(
      400,
      'ErrorInvalidRecipients',
      "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
    );
  }
  const save = parsed.data.saveToSentItems;
  return {
    subject: message.subject ?? '',
    contentType,
    content: message.body?.content ?? '',
    to,
    cc,
    bcc,
    saveToSentItems: save === undefined ? true : String(save).toLowerCase() === 'true',
    sensitivity: parseSensitivity(message.sensitivity),
    attachments: parseAttachments(message.attachments),
    ...(headers ? { internetMessageHeaders: headers } : {}),
  };
}
