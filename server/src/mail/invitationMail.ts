import type { Language } from '../i18n/language.js';
import { invitationMailText, type InvitationMailInput } from '../i18n/mails/invitationMailText.js';
import { renderMail } from './layout.js';

export type { InvitationMailInput };

/** The mail as text and HTML, with its subject. */
export function invitationMail(language: Language, input: InvitationMailInput) {
  const content = invitationMailText(language, input);
  return { subject: content.subject, ...renderMail(content) };
}
