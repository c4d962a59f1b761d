import type { Language } from '../language.js';
import type { MailText } from './mailText.js';

export interface AccessRequestMailInput {
  brand: string;
  organisationName: string;
  requesterName: string;
  requesterEmail: string;
  link: string;
}

/** To every user who can manage users: someone asks to join; the link opens the approval in the Users section. */
export function accessRequestMailText(language: Language, input: AccessRequestMailInput): MailText {
  return language === 'de'
    ? {
        subject: `${input.requesterName} möchte ${input.brand} beitreten`,
        heading: 'Neue Beitrittsanfrage',
        paragraphs: [
          `${input.requesterName} (${input.requesterEmail}) bittet darum, dem CRM-Konto von ${input.organisationName} beizutreten.`,
          'Über den Link gelangen Sie direkt zum Abschnitt Benutzer, wo Sie die Anfrage genehmigen oder ablehnen können. Dafür brauchen Sie die Berechtigung Benutzer verwalten.',
        ],
        action: { label: 'Anfrage prüfen', url: input.link },
        footer: `Sie erhalten diese E-Mail, weil Sie in ${input.brand} Benutzer verwalten dürfen.`,
      }
    : {
        subject: `${input.requesterName} asks to join ${input.brand}`,
        heading: 'New access request',
        paragraphs: [
          `${input.requesterName} (${input.requesterEmail}) asks to join the CRM account of ${input.organisationName}.`,
          'The link takes you straight to the Users section, where you can approve or decline the request. You need the Manage Users permission for that.',
        ],
        action: { label: 'Review request', url: input.link },
        footer: `You receive this e-mail because you can manage users in ${input.brand}.`,
      };
}
