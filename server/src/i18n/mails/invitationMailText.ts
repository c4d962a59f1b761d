import type { Language } from '../language.js';
import type { MailText } from './mailText.js';

export interface InvitationMailInput {
  brand: string;
  organisationName: string;
  inviterName: string;
  link: string;
  expiresAt: Date;
}

/** The invitation to join an organisation's CRM, in the recipient's language. */
export function invitationMailText(language: Language, input: InvitationMailInput): MailText {
  const expires = input.expiresAt.toLocaleDateString(language === 'de' ? 'de-DE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return language === 'de'
    ? {
        subject: `${input.inviterName} lädt Sie zu ${input.brand} bei ${input.organisationName} ein`,
        heading: `Einladung zu ${input.brand}`,
        paragraphs: [
          `${input.inviterName} hat Sie eingeladen, dem CRM-Konto von ${input.organisationName} beizutreten.`,
          `Öffnen Sie den Link oder die ${input.brand}-App in Microsoft 365 und akzeptieren Sie die Geschäftsbedingungen. Die Einladung gilt bis zum ${expires} und nur für diese E-Mail-Adresse.`,
        ],
        action: { label: 'Einladung annehmen', url: input.link },
        footer: `Sie erhalten diese E-Mail, weil ${input.inviterName} Sie eingeladen hat. Wenn Sie nicht beitreten möchten, ignorieren Sie sie einfach.`,
      }
    : {
        subject: `${input.inviterName} invited you to ${input.brand} at ${input.organisationName}`,
        heading: `You're invited to ${input.brand}`,
        paragraphs: [
          `${input.inviterName} invited you to join the CRM account of ${input.organisationName}.`,
          `Open the link, or the ${input.brand} app in Microsoft 365, and accept the terms and conditions. The invitation is valid until ${expires} and only for this e-mail address.`,
        ],
        action: { label: 'Accept invitation', url: input.link },
        footer: `You receive this e-mail because ${input.inviterName} invited you. If you do not want to join, simply ignore it.`,
      };
}
