import type { Language } from './language.js';

const MESSAGES: Record<string, Record<Language, string>> = {
  consent_revoked: {
    en: 'Microsoft 365 no longer lets the app reach your calendar (the permission was withdrawn). Ask your Microsoft 365 administrator to grant it again, then select Reconnect.',
    de: 'Microsoft 365 erlaubt der App keinen Zugriff mehr auf Ihren Kalender (die Berechtigung wurde entzogen). Bitten Sie Ihren Microsoft 365-Administrator, sie erneut zu erteilen, und wählen Sie dann Erneut verbinden.',
  },
  graph_temporary: {
    en: 'Microsoft 365 is busy right now. The sync tries again by itself.',
    de: 'Microsoft 365 ist gerade ausgelastet. Die Synchronisierung versucht es von selbst erneut.',
  },
  graph_unavailable: {
    en: 'Microsoft 365 could not be reached. The sync tries again by itself.',
    de: 'Microsoft 365 war nicht erreichbar. Die Synchronisierung versucht es von selbst erneut.',
  },
  graph_token_expired: {
    en: 'The connection to Microsoft 365 expired. The sync renews it and tries again.',
    de: 'Die Verbindung zu Microsoft 365 ist abgelaufen. Die Synchronisierung erneuert sie und versucht es erneut.',
  },
};

const FALLBACK: Record<Language, string> = {
  en: 'The last sync did not finish. It tries again by itself; if this stays, turn the sync off and on again.',
  de: 'Die letzte Synchronisierung wurde nicht abgeschlossen. Sie versucht es von selbst erneut; bleibt das so, deaktivieren und aktivieren Sie die Synchronisierung erneut.',
};

/** A sync failure in words a user understands, with what to do. */
export function syncErrorMessage(code: string, language: Language): string {
  return MESSAGES[code]?.[language] ?? FALLBACK[language];
}
