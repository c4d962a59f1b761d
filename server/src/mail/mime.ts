import { randomBytes } from 'node:crypto';
import type { OutgoingMail } from '../crm/mailer.js';

/**
 * An RFC 5322 message with a plain-text and an HTML alternative, for Graph sendMail's MIME form (which takes the
 * message base64-encoded with Content-Type text/plain). Graph's JSON form carries only one body type.
 */
export function buildMimeMessage(mail: OutgoingMail): string {
  const boundary = `=_alt_${randomBytes(12).toString('hex')}`;
  const to = mail.to
    .map((recipient) =>
      recipient.name ? `${encodeWord(recipient.name)} <${recipient.address}>` : `<${recipient.address}>`,
    )
    .join(', ');
  return [
    `To: ${to}`,
    `Subject: ${encodeWord(mail.subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.text),
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(mail.html),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** RFC 2047 encoded-word, only when the text is not plain ASCII. */
function encodeWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?utf-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
}

function base64Lines(text: string): string {
  return (
    Buffer.from(text, 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
}
