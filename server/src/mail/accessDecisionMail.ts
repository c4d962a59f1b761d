import type { Language } from '../i18n/language.js';
import { accessDecisionMailText, type AccessDecisionMailInput } from '../i18n/mails/accessDecisionMailText.js';
import { renderMail } from './layout.js';

export type { AccessDecisionMailInput };

/** The mail as text and HTML, with its subject. */
export function accessDecisionMail(language: Language, input: AccessDecisionMailInput) {
  const content = accessDecisionMailText(language, input);
  return { subject: content.subject, ...renderMail(content) };
}
