import type { Language } from '../language.js';
import type { MailText } from './mailText.js';

export interface AccessDecisionMailInput {
  brand: string;
  organisationName: string;
  deciderName: string;
  approved: boolean;
  link: string;
}

/** To the requester: the outcome of their access request. */
export function accessDecisionMailText(language: Language, input: AccessDecisionMailInput): MailText {
  const { brand, organisationName, deciderName, approved, link } = input;
  return language === 'de'
    ? {
        subject: approved ? `Willkommen bei ${brand}` : `Ihre Anfrage für ${brand} wurde abgelehnt`,
        heading: approved ? 'Ihre Anfrage wurde genehmigt' : 'Ihre Anfrage wurde abgelehnt',
        paragraphs: [
          approved
            ? `${deciderName} hat Sie zum CRM-Konto von ${organisationName} hinzugefügt. Öffnen Sie die App, um loszulegen.`
            : `${deciderName} hat Ihre Anfrage, dem CRM-Konto von ${organisationName} beizutreten, abgelehnt. Bei Fragen wenden Sie sich bitte direkt an ${deciderName}.`,
        ],
        action: { label: `${brand} öffnen`, url: link },
        footer: `Diese E-Mail betrifft Ihre Beitrittsanfrage in ${brand}.`,
      }
    : {
        subject: approved ? `Welcome to ${brand}` : `Your request for ${brand} was declined`,
        heading: approved ? 'Your request was approved' : 'Your request was declined',
        paragraphs: [
          approved
            ? `${deciderName} added you to the CRM account of ${organisationName}. Open the app to get started.`
            : `${deciderName} declined your request to join the CRM account of ${organisationName}. If you have questions, please contact ${deciderName} directly.`,
        ],
        action: { label: `Open ${brand}`, url: link },
        footer: `This e-mail is about your access request in ${brand}.`,
      };
}
