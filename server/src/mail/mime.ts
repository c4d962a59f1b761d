import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutgoingMail } from '../crm/mailer.js';

/**
 * An RFC 5322 message with a plain-text and an HTML alternative, for Graph sendMail's MIME form (which takes the
 * message base64-encoded with Content-Type text/plain). Graph's JSON form carries only one body type.
 * Built by nodemailer's composer: display names are quoted or RFC 2047-encoded as the header grammar requires, so a
 * name like `Probe <attacker@evil.example>, X` stays a name and never becomes a second recipient.
 */
export async function buildMimeMessage(mail: OutgoingMail): Promise<string> {
  const composer = new MailComposer({
    to: mail.to.map((recipient) =>
      recipient.name ? { name: recipient.name, address: recipient.address } : recipient.address,
    ),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
  });
  return (await composer.compile().build()).toString('utf8');
}
