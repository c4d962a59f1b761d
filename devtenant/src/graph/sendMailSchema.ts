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
      // Checked by parseExtendedProperties, with Graph's error codes.
      singleValueExtendedProperties: z.unknown().optional(),
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
  /** sendMail's `singleValueExtendedProperties`, ids as given; absent when none were sent. */
  singleValueExtendedProperties?: { id: string; value: string }[];
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

/**
 * The local tenant's own bound on the extended properties of one sendMail: Graph documents none (an Exchange mailbox
 * limits the named properties it creates, not how many one item carries). A message add-in needs one.
 */
const MAX_EXTENDED_PROPERTIES = 20;
/**
 * Graph's single-value extended property id: `<type> {<guid>} Name <name>`, `<type> {<guid>} Id <0xhex>` or a property
 * tag `<type> <0xhex>` (docs/graph-behaviour.md#extended-property-stamps).
 */
const EXTENDED_PROPERTY_ID =
  /^(String|Integer|Boolean|Long|Double|Float|Currency|SystemTime|Guid|Binary|Short|ApplicationTime|CLSID)\s+(\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}\s+(Name\s+\S.*|Id\s+0x[0-9a-f]{1,4})|0x[0-9a-f]{1,8})$/i;

/**
 * `message.singleValueExtendedProperties` of a sendMail body: `[{ id, value }]`, each id in Graph's form and each value a
 * string. A malformed list or entry is refused before anything is sent.
 */
function parseExtendedProperties(raw: unknown): { id: string; value: string }[] | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw))
    throw new GraphError(400, 'ErrorInvalidProperty', "The property 'singleValueExtendedProperties' must be an array.");
  if (raw.length > MAX_EXTENDED_PROPERTIES)
    throw new GraphError(
      400,
      'ErrorInvalidProperty',
      `A message may carry at most ${MAX_EXTENDED_PROPERTIES} single-value extended properties in the local tenant.`,
    );
  return raw.map((entry: unknown) => {
    const p = (typeof entry === 'object' && entry !== null ? entry : {}) as { id?: unknown; value?: unknown };
    if (typeof p.id !== 'string' || !EXTENDED_PROPERTY_ID.test(p.id.trim()))
      throw new GraphError(400, 'ErrorInvalidProperty', `The extended property id '${String(p.id)}' is not valid.`);
    if (typeof p.value !== 'string')
      throw new GraphError(
        400,
        'ErrorInvalidExtendedPropertyValue',
        `The value of the extended property '${p.id.trim()}' must be a string.`,
      );
    return { id: p.id.trim(), value: p.value };
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
  const extended = parseExtendedProperties(message.singleValueExtendedProperties);
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
    ...(extended && extended.length > 0 ? { singleValueExtendedProperties: extended } : {}),
  };
}
