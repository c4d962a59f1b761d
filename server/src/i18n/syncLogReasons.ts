import type { Language } from './language.js';
import type { SyncKind } from '../store/schema.js';

/**
 * Why the sync did something, as stored in the sync log: a stable code, optionally `code|detail`. The log is
 * shown in the reader's language, so the words live here, not in the rows.
 */
const REASONS: Record<string, Record<Language, string>> = {
  new_in_crm: { en: 'new in the CRM', de: 'neu im CRM' },
  changed_in_crm: { en: 'changed in the CRM', de: 'im CRM geändert' },
  deleted_in_crm: { en: 'deleted in the CRM', de: 'im CRM gelöscht' },
  owner_changed: { en: 'given to another owner in the CRM', de: 'im CRM einem anderen Besitzer übergeben' },
  imported_not_synced: {
    en: 'imported events are not synced',
    de: 'importierte Ereignisse werden nicht synchronisiert',
  },
  refused_create: {
    en: 'Microsoft 365 refused the event ({detail})',
    de: 'Microsoft 365 hat das Ereignis abgelehnt ({detail})',
  },
  refused_change: {
    en: 'Microsoft 365 refused the change ({detail})',
    de: 'Microsoft 365 hat die Änderung abgelehnt ({detail})',
  },
  refused_delete: {
    en: 'Microsoft 365 refused the deletion ({detail})',
    de: 'Microsoft 365 hat das Löschen abgelehnt ({detail})',
  },
  deletion_wins: {
    en: 'deleted in Outlook; a deletion wins over an edit',
    de: 'in Outlook gelöscht; Löschen hat Vorrang vor einer Änderung',
  },
  changed_in_outlook: { en: 'changed in Outlook', de: 'in Outlook geändert' },
  new_in_outlook: { en: 'new in Outlook', de: 'neu in Outlook' },
  deleted_in_outlook: { en: 'deleted in Outlook', de: 'in Outlook gelöscht' },
  already_linked: { en: 'already in the CRM; linked', de: 'bereits im CRM; verknüpft' },
  meeting_of_other_user: {
    en: 'this meeting is already in the CRM as another user’s event',
    de: 'diese Besprechung ist im CRM bereits das Ereignis eines anderen Benutzers',
  },
  meeting_cancelled: {
    en: 'a cancelled meeting; not added to the CRM',
    de: 'eine abgesagte Besprechung; nicht ins CRM übernommen',
  },
  meeting_copy: {
    en: 'another copy of a meeting this calendar already syncs; left alone',
    de: 'eine weitere Kopie einer Besprechung, die dieser Kalender bereits synchronisiert; nicht übernommen',
  },
  meeting_deleted_by_owner: {
    en: 'this meeting was deleted in the CRM by its owner',
    de: 'diese Besprechung wurde im CRM von ihrem Besitzer gelöscht',
  },
  occurrence_cancelled_in_outlook: {
    en: 'an occurrence of this series was cancelled in Outlook ({detail}); a cancellation wins over an edit',
    de: 'ein Termin dieser Serie wurde in Outlook abgesagt ({detail}); eine Absage hat Vorrang vor einer Änderung',
  },
  refused_occurrence: {
    en: 'Microsoft 365 refused the change to the occurrence on {detail}',
    de: 'Microsoft 365 hat die Änderung des Termins am {detail} abgelehnt',
  },
  conflict_outlook_later: {
    en: 'changed on both sides; the Outlook change was later and wins',
    de: 'auf beiden Seiten geändert; die Änderung in Outlook war später und gilt',
  },
  conflict_crm_later: {
    en: 'changed on both sides; the CRM change was later and wins',
    de: 'auf beiden Seiten geändert; die Änderung im CRM war später und gilt',
  },
  resync: {
    en: 'Microsoft 365 no longer knew where the last sync stopped; reading the whole calendar again',
    de: 'Microsoft 365 wusste nicht mehr, wo die letzte Synchronisierung stand; der ganze Kalender wird neu gelesen',
  },
  enabled_contacts: {
    en: 'contact sync turned on; the contact folder "{calendarName}" was created in Outlook',
    de: 'Kontaktsynchronisierung aktiviert; der Kontaktordner „{calendarName}“ wurde in Outlook angelegt',
  },
  enabled: {
    en: 'calendar sync turned on; the calendar "{calendarName}" was created in Outlook',
    de: 'Kalendersynchronisierung aktiviert; der Kalender „{calendarName}“ wurde in Outlook angelegt',
  },
  disabled_removed: {
    en: 'calendar sync turned off; the calendar was removed from Outlook; every event stays in the CRM',
    de: 'Kalendersynchronisierung deaktiviert; der Kalender wurde aus Outlook entfernt; alle Ereignisse bleiben im CRM',
  },
  disabled_already_gone: {
    en: 'calendar sync turned off; the calendar had already been removed from Outlook; every event stays in the CRM',
    de: 'Kalendersynchronisierung deaktiviert; der Kalender war in Outlook bereits entfernt; alle Ereignisse bleiben im CRM',
  },
  user_deactivated: {
    en: 'calendar sync turned off because an administrator deactivated this CRM user; the calendar was removed from Outlook; every event stays in the CRM',
    de: 'Kalendersynchronisierung deaktiviert, weil ein Administrator diesen CRM-Benutzer deaktiviert hat; der Kalender wurde aus Outlook entfernt; alle Ereignisse bleiben im CRM',
  },
  container_deleted: {
    en: 'the calendar was deleted in Outlook, so the sync was turned off; every event stays in the CRM',
    de: 'der Kalender wurde in Outlook gelöscht, daher wurde die Synchronisierung deaktiviert; alle Ereignisse bleiben im CRM',
  },
  no_subscription: {
    en: 'Microsoft 365 did not accept the change notification subscription; changes arrive with the periodic check instead',
    de: 'Microsoft 365 hat das Abonnement für Änderungsbenachrichtigungen nicht angenommen; Änderungen kommen mit der regelmäßigen Prüfung',
  },
  cleaned_text: {
    en: 'the Outlook text held characters the CRM cannot store (such as NUL); they were left out',
    de: 'der Text in Outlook enthielt Zeichen, die das CRM nicht speichern kann (etwa NUL); sie wurden weggelassen',
  },
  unstorable: {
    en: 'the CRM could not store this item from Outlook (database code {detail}); the rest of the sync goes on',
    de: 'das CRM konnte dieses Element aus Outlook nicht speichern (Datenbankcode {detail}); die übrige Synchronisierung läuft weiter',
  },
  unreadable: {
    en: 'the sync could not read this item from Outlook (a value is missing or of the wrong kind); the rest of the sync goes on',
    de: 'die Synchronisierung konnte dieses Element aus Outlook nicht lesen (ein Wert fehlt oder hat die falsche Art); die übrige Synchronisierung läuft weiter',
  },
  refused_read: {
    en: 'Microsoft 365 refused to read this item ({detail}); the rest of the sync goes on',
    de: 'Microsoft 365 hat das Lesen dieses Elements abgelehnt ({detail}); die übrige Synchronisierung läuft weiter',
  },
  unsendable: {
    en: 'the sync could not turn this CRM item into an Outlook item; the rest of the sync goes on',
    de: 'die Synchronisierung konnte dieses CRM-Element nicht in ein Outlook-Element umwandeln; die übrige Synchronisierung läuft weiter',
  },
  failed: {
    en: 'the sync failed ({detail}); it tries again by itself',
    de: 'die Synchronisierung ist fehlgeschlagen ({detail}); sie versucht es von selbst erneut',
  },
};

/** Where contact sync needs other words than the calendar's (contacts, the contact folder). */
const CONTACT_REASONS: Record<string, Record<Language, string>> = {
  imported_not_synced: {
    en: 'imported contacts are not synced',
    de: 'importierte Kontakte werden nicht synchronisiert',
  },
  refused_create: {
    en: 'Microsoft 365 refused the contact ({detail})',
    de: 'Microsoft 365 hat den Kontakt abgelehnt ({detail})',
  },
  resync: {
    en: 'Microsoft 365 no longer knew where the last sync stopped; reading the whole contact folder again',
    de: 'Microsoft 365 wusste nicht mehr, wo die letzte Synchronisierung stand; der ganze Kontaktordner wird neu gelesen',
  },
  disabled_removed: {
    en: 'contact sync turned off; the contact folder was removed from Outlook; every contact stays in the CRM',
    de: 'Kontaktsynchronisierung deaktiviert; der Kontaktordner wurde aus Outlook entfernt; alle Kontakte bleiben im CRM',
  },
  disabled_already_gone: {
    en: 'contact sync turned off; the contact folder had already been removed from Outlook; every contact stays in the CRM',
    de: 'Kontaktsynchronisierung deaktiviert; der Kontaktordner war in Outlook bereits entfernt; alle Kontakte bleiben im CRM',
  },
  user_deactivated: {
    en: 'contact sync turned off because an administrator deactivated this CRM user; the contact folder was removed from Outlook; every contact stays in the CRM',
    de: 'Kontaktsynchronisierung deaktiviert, weil ein Administrator diesen CRM-Benutzer deaktiviert hat; der Kontaktordner wurde aus Outlook entfernt; alle Kontakte bleiben im CRM',
  },
  container_deleted: {
    en: 'the contact folder was deleted in Outlook, so the sync was turned off; every contact stays in the CRM',
    de: 'der Kontaktordner wurde in Outlook gelöscht, daher wurde die Synchronisierung deaktiviert; alle Kontakte bleiben im CRM',
  },
};

/** Where automatic filing needs other words (mails, the mailbox, nothing removed). */
const MAIL_REASONS: Record<string, Record<Language, string>> = {
  enabled_mail: {
    en: 'automatic filing turned on; mails of the last 30 days with CRM contacts are filed',
    de: 'Automatisches Ablegen aktiviert; E-Mails der letzten 30 Tage mit CRM-Kontakten werden abgelegt',
  },
  disabled_mail: {
    en: 'automatic filing turned off; every filed mail stays in the CRM',
    de: 'Automatisches Ablegen deaktiviert; alle abgelegten E-Mails bleiben im CRM',
  },
  mail_filed: { en: 'filed on its CRM contacts', de: 'bei den CRM-Kontakten abgelegt' },
  resync: {
    en: 'Microsoft 365 no longer knew where the last check stopped; reading the last 30 days again (nothing is filed twice)',
    de: 'Microsoft 365 wusste nicht mehr, wo die letzte Prüfung stand; die letzten 30 Tage werden neu gelesen (nichts wird doppelt abgelegt)',
  },
  user_deactivated: {
    en: 'automatic filing turned off because an administrator deactivated this CRM user; every filed mail stays in the CRM',
    de: 'Automatisches Ablegen deaktiviert, weil ein Administrator diesen CRM-Benutzer deaktiviert hat; alle abgelegten E-Mails bleiben im CRM',
  },
};

const KIND_REASONS: Record<SyncKind, Record<string, Record<Language, string>>> = {
  calendar: {},
  contacts: CONTACT_REASONS,
  mail: MAIL_REASONS,
};

/** A stored reason (`code` or `code|detail`) in words, for the log of one kind of sync. */
export function describeSyncReason(
  stored: string,
  language: Language,
  params: Record<string, string>,
  kind: SyncKind = 'calendar',
): string {
  const [code = '', detail = ''] = stored.split('|');
  const template = KIND_REASONS[kind][code]?.[language] ?? REASONS[code]?.[language];
  if (!template) return stored;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'detail' ? detail : (params[name] ?? '')));
}
