import { GraphError } from './graphError.js';
import type { SendMailInput } from './sendMailSchema.js';

/** sendMail with `Content-Type: text/plain`: the body is a base64-encoded MIME message (RFC 5322 / 2045–2047). */
export interface MimeMail {
  input: SendMailInput;
  /** The text/plain part when the message also has an HTML part. */
  textBody?: string;
}

function invalidBase64(): GraphError {
  return new GraphError(400, 'ErrorMimeContentInvalidBase64String', 'Invalid base64 string for MIME content.');
}

function invalidMime(message: string): GraphError {
  return new GraphError(400, 'ErrorMimeContentInvalid', message);
}

export function decodeBase64Strict(text: string): Buffer {
  const compact = text.replace(/\s+/g, '');
  if (!compact || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) throw invalidBase64();
  return Buffer.from(compact, 'base64');
}

type Headers = Map<string, string[]>;

/** Splits a part (a latin1 "byte string") into unfolded headers and the body. */
function splitPart(raw: string): { headers: Headers; body: string } {
  const m = /\r?\n\r?\n/.exec(raw);
  const head = m ? raw.slice(0, m.index) : raw;
  const body = m ? raw.slice(m.index + m[0].length) : '';
  const headers: Headers = new Map();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    headers.set(name, [...(headers.get(name) ?? []), line.slice(i + 1).trim()]);
  }
  return { headers, body };
}

function charsetDecode(bytes: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder((charset ?? 'utf-8').toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('utf8');
  }
}

function quotedPrintable(text: string, forHeader = false): Buffer {
  const src = forHeader ? text.replace(/_/g, ' ') : text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(src.slice(i + 1, i + 3))) {
      bytes.push(parseInt(src.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(src.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (B and Q), with whitespace between adjacent words dropped; raw UTF-8 headers accepted. */
export function decodeHeader(value: string): string {
  const utf8 = Buffer.from(value, 'latin1').toString('utf8');
  return utf8
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?*]+)(?:\*[^?]+)?\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, enc: string, text: string) => {
      const bytes = enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintable(text, true);
      return charsetDecode(bytes, charset);
    });
}

function params(value: string): { type: string; params: Record<string, string> } {
  const [type, ...rest] = value.split(';');
  const out: Record<string, string> = {};
  for (const p of rest) {
    const m = /^\s*([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/.exec(p);
    if (m) out[m[1]!.toLowerCase()] = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
  }
  return { type: (type ?? 'text/plain').trim().toLowerCase(), params: out };
}

/**
 * Splits an address list at the commas that separate addresses (RFC 5322 3.4): commas inside a quoted display name,
 * a comment or angle brackets do not count. Encoded words are decoded only afterwards, inside each display name, as
 * Exchange does, so a name that decodes to `<x@y>, z` stays a name.
 */
function splitAddressList(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let escaped = false;
  let angle = 0;
  let comment = 0;
  for (const c of value) {
    if (escaped) escaped = false;
    else if (c === '\\' && (quoted || comment > 0)) escaped = true;
    else if (c === '"' && comment === 0) quoted = !quoted;
    else if (!quoted && c === '(') comment++;
    else if (!quoted && c === ')' && comment > 0) comment--;
    else if (!quoted && comment === 0 && c === '<') angle++;
    else if (!quoted && comment === 0 && c === '>' && angle > 0) angle--;
    else if (!quoted && comment === 0 && angle === 0 && c === ',') {
      parts.push(current);
      current = '';
      continue;
    }
    current += c;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

/** A display name as written in a header: quotes and escapes removed, encoded words decoded. */
function displayName(raw: string): string {
  const text = raw.trim();
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2) return text.slice(1, -1).replace(/\\(.)/g, '$1');
  return decodeHeader(text);
}

function addresses(headers: Headers, name: string): { address: string; name?: string }[] {
  const out: { address: string; name?: string }[] = [];
  for (const raw of headers.get(name) ?? []) {
    for (const part of splitAddressList(Buffer.from(raw, 'latin1').toString('utf8'))) {
      const m = /^(.*?)\s*<([^<>]*)>\s*$/s.exec(part);
      if (m) {
        const display = displayName(m[1]!);
        out.push({ address: m[2]!.trim(), ...(display ? { name: display } : {}) });
      } else out.push({ address: part });
    }
  }
  return out;
}

interface Leaf {
  type: string;
  text: string;
}

function leaves(raw: string, depth = 0): Leaf[] {
  if (depth > 5) return [];
  const { headers, body } = splitPart(raw);
  const ct = params(headers.get('content-type')?.[0] ?? 'text/plain; charset=us-ascii');
  if (ct.type.startsWith('multipart/')) {
    const boundary = ct.params.boundary;
    if (!boundary) throw invalidMime('A multipart MIME part has no boundary.');
    const delimiter = `--${boundary}`;
    const sections = body.split(new RegExp(`\\r?\\n?${delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    // sections[0] is the preamble; the last one starts with "--" (the close delimiter).
    return sections
      .slice(1)
      .filter((s) => !s.startsWith('--'))
      .flatMap((s) => leaves(s.replace(/^[ \t]*\r?\n/, ''), depth + 1));
  }
  if (!ct.type.startsWith('text/')) return [];
  const encoding = (headers.get('content-transfer-encoding')?.[0] ?? '7bit').toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintable(body)
        : Buffer.from(body, 'latin1');
  return [{ type: ct.type, text: charsetDecode(bytes, ct.params.charset) }];
}

/** Parses a base64 MIME sendMail body: recipients and subject from the headers, HTML part as the body, text part kept. */
export function parseMimeSendMail(base64: string): MimeMail {
  const raw = decodeBase64Strict(base64).toString('latin1');
  const { headers } = splitPart(raw);
  if (headers.size === 0) throw invalidMime('The MIME content has no headers.');
  const parts = leaves(raw);
  const html = parts.find((p) => p.type === 'text/html');
  const text = parts.find((p) => p.type === 'text/plain');
  const to = addresses(headers, 'to');
  const cc = addresses(headers, 'cc');
  const bcc = addresses(headers, 'bcc');
  if (to.length + cc.length + bcc.length === 0) {
    throw new GraphError(
      400,
      'ErrorInvalidRecipients',
      "At least one recipient isn't valid., A message can't be sent because it contains no recipients.",
    );
  }
  const input: SendMailInput = {
    subject: decodeHeader(headers.get('subject')?.[0] ?? ''),
    contentType: html ? 'html' : 'text',
    content: (html ?? text)?.text ?? '',
    to,
    cc,
    bcc,
    saveToSentItems: true,
    // Attachment parts and the Sensitivity header are not read from MIME here; the JSON form carries both.
    sensitivity: 'normal',
    attachments: [],
  };
  return { input, ...(html && text ? { textBody: text.text } : {}) };
}
