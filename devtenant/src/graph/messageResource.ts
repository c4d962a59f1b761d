import type { StoredMessage } from '../state/mailboxStore.js';
import { graphErrors } from './graphError.js';
import { extendedPropertyValue } from './internetHeaders.js';

/**
 * Graph wraps HTML bodies in a full document (docs/graph-behaviour.md#html-body-wrapping); the stored content keeps
 * that wrapping.
 */
export function wrapHtmlBody(content: string): string {
  if (/^\s*<html/i.test(content)) return content;
  return `<html>\r\n<head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${content}\r\n</body>\r\n</html>\r\n`;
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>|<\/p>|<\/div>|<\/li>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\r\f\v]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** bodyPreview: the first 255 characters of the text. */
export function bodyPreview(message: Pick<StoredMessage, 'body'>): string {
  const text = message.body.contentType === 'html' ? htmlToText(message.body.content) : message.body.content;
  return text.replace(/\s+/g, ' ').trim().slice(0, 255);
}

const PROPERTY_NAMES = [
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'changeKey',
  'categories',
  'receivedDateTime',
  'sentDateTime',
  'hasAttachments',
  'internetMessageId',
  'subject',
  'bodyPreview',
  'importance',
  'parentFolderId',
  'conversationId',
  'isDeliveryReceiptRequested',
  'isReadReceiptRequested',
  'isRead',
  'isDraft',
  'webLink',
  'inferenceClassification',
  'body',
  'sender',
  'from',
  'toRecipients',
  'ccRecipients',
  'bccRecipients',
  'replyTo',
  'flag',
  'sensitivity',
  'uniqueBody',
  // Only ever returned when selected.
  'internetMessageHeaders',
];

export function parseMessageSelect(select: string | undefined): string[] | undefined {
  if (!select) return undefined;
  return select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => {
      const found = PROPERTY_NAMES.find((p) => p.toLowerCase() === name.toLowerCase());
      if (!found)
        throw graphErrors.badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.message'.`);
      return found;
    });
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The body in the type a client asked for with `Prefer: outlook.body-content-type` (docs/graph-behaviour.md#message-body-as-text):
 * HTML reduced to text, or text wrapped in an HTML document; as stored when nothing was asked.
 */
export function bodyAs(
  body: StoredMessage['body'],
  wanted: 'text' | 'html' | undefined,
): { contentType: 'text' | 'html'; content: string } {
  if (wanted === undefined || wanted === body.contentType) return body;
  if (wanted === 'text') return { contentType: 'text', content: htmlToText(body.content) };
  return { contentType: 'html', content: wrapHtmlBody(escapeText(body.content).replace(/\r?\n/g, '<br>\r\n')) };
}

/** Without Mail.Read (Mail.ReadBasic alone) Graph leaves out what holds the content. */
const FULL_CONTENT = ['body', 'uniqueBody', 'bodyPreview'];

/** How a message is rendered for one request. */
export interface MessageRenderOptions {
  select?: string[] | undefined;
  /** The `outlook.body-content-type` preference, if any. */
  bodyType?: 'text' | 'html' | undefined;
  /** The caller holds Mail.ReadBasic only: no body, unique body or preview, and no extended properties. */
  basic?: boolean;
  /** `$expand=singleValueExtendedProperties($filter=id eq '...')`: the ids asked for. */
  expandExtended?: string[] | undefined;
}

/** RFC 5322 date of a Graph timestamp. */
function rfc5322Date(stamp: string): string {
  return new Date(stamp).toUTCString().replace(/GMT$/, '+0000');
}

/**
 * `internetMessageHeaders` as Graph lists them: the transport headers of a message received, among them the custom
 * ones the sender set. The copy in Sent Items was never received and has none; Graph leaves the property out there
 * (docs/graph-behaviour.md#custom-internet-headers). The local tenant has no transport, so a received message
 * carries a few standard headers before the custom ones: enough that a client must look a header up by name.
 */
function internetMessageHeaders(m: StoredMessage): { name: string; value: string }[] | undefined {
  if (m.folder === 'sentitems') return undefined;
  return [
    { name: 'Message-ID', value: m.internetMessageId },
    { name: 'Date', value: rfc5322Date(m.sentDateTime) },
    { name: 'MIME-Version', value: '1.0' },
    ...(m.internetMessageHeaders ?? []).map((h) => ({ name: h.name, value: h.value })),
  ];
}

/** The Graph `message` resource of a stored message; Outlook always includes @odata.etag and id, even with $select. */
export function messageResource(
  baseUrl: string,
  m: StoredMessage,
  { select, bodyType, basic = false, expandExtended }: MessageRenderOptions = {},
): Record<string, unknown> {
  const body = bodyAs(m.body, bodyType);
  const full: Record<string, unknown> = {
    '@odata.etag': `W/"${m.changeKey}"`,
    id: m.id,
    createdDateTime: m.createdDateTime,
    lastModifiedDateTime: m.lastModifiedDateTime,
    changeKey: m.changeKey,
    categories: [],
    receivedDateTime: m.receivedDateTime,
    sentDateTime: m.sentDateTime,
    // Inline images do not count: Graph's hasAttachments is false for a message with only inline attachments.
    hasAttachments: (m.attachments ?? []).some((a) => !a.isInline),
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    bodyPreview: bodyPreview(m),
    importance: 'normal',
    parentFolderId: m.folder,
    conversationId: m.conversationId,
    isDeliveryReceiptRequested: false,
    isReadReceiptRequested: false,
    isRead: m.isRead,
    isDraft: false,
    webLink: `${baseUrl}/mail/item/${encodeURIComponent(m.id)}`,
    inferenceClassification: 'focused',
    body,
    // The local tenant keeps no quoted history apart from the new text, so the unique body is the whole body.
    uniqueBody: body,
    sender: m.sender,
    from: m.from,
    toRecipients: m.toRecipients,
    ccRecipients: m.ccRecipients,
    bccRecipients: m.bccRecipients,
    replyTo: m.replyTo,
    flag: { flagStatus: 'notFlagged' },
    sensitivity: m.sensitivity ?? 'normal',
  };
  if (m.meetingMessageType) {
    // Meeting mail is Graph's eventMessage.
    Object.assign(full, {
      '@odata.type':
        m.meetingMessageType === 'meetingCancelled'
          ? '#microsoft.graph.eventMessage'
          : '#microsoft.graph.eventMessageRequest',
      meetingMessageType: m.meetingMessageType,
      ...(m.meeting
        ? {
            startDateTime: { dateTime: m.meeting.start.replace('Z', '.0000000'), timeZone: 'UTC' },
            endDateTime: { dateTime: m.meeting.end.replace('Z', '.0000000'), timeZone: 'UTC' },
            location: { displayName: m.meeting.location },
          }
        : {}),
    });
  }
  if (basic) for (const name of FULL_CONTENT) delete full[name];
  let out = full;
  if (select) {
    out = { '@odata.etag': full['@odata.etag'], id: m.id };
    for (const name of select) if (name in full) out[name] = full[name];
    if (select.includes('internetMessageHeaders')) {
      const headers = internetMessageHeaders(m);
      if (headers) out.internetMessageHeaders = headers;
    }
  }
  // Mail.ReadBasic reads no extended properties.
  if (expandExtended && !basic) {
    const props = expandExtended.flatMap((id) => {
      const value = extendedPropertyValue(m, id);
      return value === undefined ? [] : [{ id, value }];
    });
    if (props.length > 0) out.singleValueExtendedProperties = props;
  }
  return out;
}
