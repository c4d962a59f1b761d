import type { Language } from './language.js';

/** What every request but the health checks is answered while the service starts (migrations running). */
export const STARTING_MESSAGE: Record<Language, string> = {
  en: 'The service is starting. Please try again in a few seconds.',
  de: 'Der Dienst startet gerade. Bitte versuchen Sie es in ein paar Sekunden erneut.',
};
