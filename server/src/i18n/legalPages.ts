import type { Language } from './language.js';

type LegalPage = { title: string; paragraphs: (brand: string) => string[] };

/** The terms of use and the privacy page, which the app manifest links to. */
export const LEGAL_PAGES: Record<'terms' | 'privacy', Record<Language, LegalPage>> = {
  terms: {
    en: {
      title: 'Terms of use',
      paragraphs: (brand) => [
        `${brand} for Microsoft 365 connects your organisation's CRM account with Outlook and Teams.`,
        'Your organisation remains the owner of its CRM data. Administrators decide who may use the account and which Microsoft 365 data is synchronised.',
        'Use the service lawfully and only for your organisation’s business. Do not try to access another organisation’s data.',
      ],
    },
    de: {
      title: 'Nutzungsbedingungen',
      paragraphs: (brand) => [
        `${brand} für Microsoft 365 verbindet das CRM-Konto Ihrer Organisation mit Outlook und Teams.`,
        'Ihre Organisation bleibt Eigentümerin ihrer CRM-Daten. Administratoren entscheiden, wer das Konto nutzen darf und welche Microsoft 365-Daten synchronisiert werden.',
        'Nutzen Sie den Dienst rechtmäßig und nur für die Geschäfte Ihrer Organisation. Versuchen Sie nicht, auf Daten anderer Organisationen zuzugreifen.',
      ],
    },
  },
  privacy: {
    en: {
      title: 'Privacy',
      paragraphs: (brand) => [
        `${brand} reads your Microsoft 365 profile to sign you in, and, when you turn sync on, the calendar and contact folder it creates in your mailbox.`,
        'It sends e-mail only for invitations and access requests, from the mailbox of the person who acts.',
        'Sign-in tokens and message contents are never written to logs. Data of one Microsoft 365 tenant is never shown to another.',
      ],
    },
    de: {
      title: 'Datenschutz',
      paragraphs: (brand) => [
        `${brand} liest Ihr Microsoft 365-Profil, um Sie anzumelden, und – wenn Sie die Synchronisierung aktivieren – den Kalender und Kontaktordner, die es in Ihrem Postfach anlegt.`,
        'E-Mails werden nur für Einladungen und Beitrittsanfragen gesendet, aus dem Postfach der Person, die handelt.',
        'Anmeldetoken und Nachrichteninhalte werden nie protokolliert. Daten eines Microsoft 365-Mandanten werden nie einem anderen angezeigt.',
      ],
    },
  },
};
