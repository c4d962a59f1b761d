import type { Language } from '../i18n/language.js';
import { accessRequestMailText, type AccessRequestMailInput } from '../i18n/mails/accessRequestMailText.js';
import { renderMail } from './layout.js';

export type { AccessRequestMailInput };

/** The mail as text and HTML, with its subject. */
export function accessRequestMail(language: Language, input: AccessRequestMailInput) {
  const content = accessRequestMailText(language, input);
  return { subject: content.subject, ...renderMail(content) };
}
