import type { ErrorCode } from '../../../common/api/errors.js';
import type { Language } from './language.js';

interface ErrorRule {
  status: number;
  en: string;
  de: string;
}

/** Each error code's HTTP status and the sentence a person reads, in both languages. */
export const ERROR_RULES: Record<ErrorCode, ErrorRule> = {
  unauthenticated: { status: 401, en: 'Please sign in first.', de: 'Bitte melden Sie sich zuerst an.' },
  token_expired: {
    status: 401,
    en: 'Your sign-in has expired. Please sign in again.',
    de: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
  },
  invalid_token: {
    status: 401,
    en: 'Your sign-in could not be verified. Please sign in again.',
    de: 'Ihre Anmeldung konnte nicht überprüft werden. Bitte melden Sie sich erneut an.',
  },
  invalid_request: {
    status: 400,
    en: 'The request was not understood: {detail}',
    de: 'Die Anfrage war nicht verständlich: {detail}',
  },
  not_found: { status: 404, en: 'This page does not exist.', de: 'Diese Seite gibt es nicht.' },
  not_tenant_admin: {
    status: 403,
    en: 'Only a Microsoft 365 administrator of your organisation can do this.',
    de: 'Nur ein Microsoft 365-Administrator Ihrer Organisation kann das tun.',
  },
  not_installed: {
    status: 403,
    en: 'Your Microsoft 365 administrator has not installed the app yet.',
    de: 'Ihr Microsoft 365-Administrator hat die App noch nicht installiert.',
  },
  terms_not_accepted: {
    status: 400,
    en: 'Please accept the terms and conditions to continue.',
    de: 'Bitte akzeptieren Sie die Geschäftsbedingungen, um fortzufahren.',
  },
  organisation_exists: {
    status: 409,
    en: 'Your company already has a CRM account.',
    de: 'Ihr Unternehmen hat bereits ein CRM-Konto.',
  },
  already_member: { status: 409, en: 'You already have a CRM account.', de: 'Sie haben bereits ein CRM-Konto.' },
  invalid_credentials: {
    status: 401,
    en: 'The e-mail address or password is not correct.',
    de: 'Die E-Mail-Adresse oder das Passwort ist nicht korrekt.',
  },
  too_many_attempts: {
    status: 429,
    en: 'Too many failed attempts. Please wait 15 minutes and try again.',
    de: 'Zu viele fehlgeschlagene Versuche. Bitte warten Sie 15 Minuten und versuchen Sie es erneut.',
  },
  already_linked: {
    status: 409,
    en: 'This CRM account is already linked to another Microsoft 365 account.',
    de: 'Dieses CRM-Konto ist bereits mit einem anderen Microsoft 365-Konto verknüpft.',
  },
  install_state_invalid: {
    status: 400,
    en: 'This installation link is invalid or has expired. Please start the installation again from the app.',
    de: 'Dieser Installationslink ist ungültig oder abgelaufen. Bitte starten Sie die Installation erneut in der App.',
  },
  install_not_confirmed: {
    status: 403,
    en: 'Microsoft 365 did not confirm the consent. The app was not installed.',
    de: 'Microsoft 365 hat die Zustimmung nicht bestätigt. Die App wurde nicht installiert.',
  },
  consent_required: {
    status: 403,
    en: 'Your Microsoft 365 administrator needs to grant the app its permissions first.',
    de: 'Ihr Microsoft 365-Administrator muss der App zuerst die Berechtigungen erteilen.',
  },
  graph_unavailable: {
    status: 502,
    en: 'Microsoft 365 could not be reached. Please try again in a moment.',
    de: 'Microsoft 365 ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
  },
  not_member: {
    status: 403,
    en: 'You are not a user of this CRM account yet.',
    de: 'Sie sind noch kein Benutzer dieses CRM-Kontos.',
  },
  permission_denied: {
    status: 403,
    en: 'You need the Manage Users permission for this. Ask an administrator of your CRM account.',
    de: 'Dafür brauchen Sie die Berechtigung Benutzer verwalten. Wenden Sie sich an einen Administrator Ihres CRM-Kontos.',
  },
  records_permission_denied: {
    status: 403,
    en: 'Only an administrator of your CRM account can change records that belong to other users.',
    de: 'Datensätze anderer Benutzer kann nur ein Administrator Ihres CRM-Kontos ändern.',
  },
  upgrade_required: {
    status: 402,
    en: 'Inviting Microsoft 365 users is available in the paid editions. Upgrade your CRM account to use it.',
    de: 'Das Einladen von Microsoft 365-Benutzern ist in den kostenpflichtigen Versionen verfügbar. Führen Sie ein Upgrade Ihres CRM-Kontos durch, um es zu nutzen.',
  },
  invitation_not_found: {
    status: 404,
    en: 'This invitation link is not valid. It may have been replaced by a newer invitation; ask for a new one.',
    de: 'Dieser Einladungslink ist nicht gültig. Vielleicht wurde er durch eine neuere Einladung ersetzt; bitten Sie um eine neue.',
  },
  invitation_used: {
    status: 409,
    en: 'This invitation has already been accepted.',
    de: 'Diese Einladung wurde bereits angenommen.',
  },
  invitation_revoked: {
    status: 410,
    en: 'This invitation was withdrawn by an administrator.',
    de: 'Diese Einladung wurde von einem Administrator zurückgezogen.',
  },
  invitation_expired: {
    status: 410,
    en: 'This invitation has expired. Ask an administrator to send it again.',
    de: 'Diese Einladung ist abgelaufen. Bitten Sie einen Administrator, sie erneut zu senden.',
  },
  invitation_other_address: {
    status: 403,
    en: 'This invitation was sent to someone else, not to your e-mail address, so you cannot use it. Ask the person who invited them to invite your own address, or continue without the link and select Request Access. If it was meant for you, sign in with the Microsoft 365 account it was sent to.',
    de: 'Diese Einladung wurde an eine andere Person gesendet, nicht an Ihre E-Mail-Adresse, daher können Sie sie nicht verwenden. Bitten Sie die Person, die eingeladen hat, Ihre eigene Adresse einzuladen, oder fahren Sie ohne den Link fort und wählen Sie „Aufnahme beantragen“. Wenn sie für Sie gedacht war, melden Sie sich mit dem Microsoft 365-Konto an, an das sie gesendet wurde.',
  },
  request_pending: {
    status: 409,
    en: 'Your request is pending: an administrator has not decided yet.',
    de: 'Ihre Anfrage ist in Bearbeitung: Ein Administrator hat noch nicht entschieden.',
  },
  request_not_found: {
    status: 404,
    en: 'This access request does not exist in your CRM account.',
    de: 'Diese Beitrittsanfrage gibt es in Ihrem CRM-Konto nicht.',
  },
  request_already_decided: {
    status: 409,
    en: 'This request has already been decided ({status}).',
    de: 'Über diese Anfrage wurde bereits entschieden ({status}).',
  },
  occurrence_not_found: {
    status: 404,
    en: 'This event has no occurrence on that day, or it was cancelled.',
    de: 'Dieses Ereignis hat an diesem Tag keinen Termin, oder er wurde abgesagt.',
  },
  occurrence_crosses_neighbour: {
    status: 400,
    en: 'An occurrence cannot move onto or past the day of the occurrence before or after it.',
    de: 'Ein Termin kann nicht auf den Tag des vorherigen oder nächsten Termins oder darüber hinaus verschoben werden.',
  },
  occurrence_times_invalid: {
    status: 400,
    en: 'An occurrence needs a start and an end, and must end after it starts.',
    de: 'Ein Termin braucht Beginn und Ende und muss nach seinem Beginn enden.',
  },
  event_not_found: {
    status: 404,
    en: 'This event does not exist or was deleted.',
    de: 'Dieses Ereignis gibt es nicht oder es wurde gelöscht.',
  },
  contact_not_found: {
    status: 404,
    en: 'This contact does not exist or was deleted.',
    de: 'Diesen Kontakt gibt es nicht oder er wurde gelöscht.',
  },
  owner_not_member: {
    status: 400,
    en: 'The new owner must be an active user of your CRM account.',
    de: 'Der neue Besitzer muss ein aktiver Benutzer Ihres CRM-Kontos sein.',
  },
  import_invalid: { status: 400, en: 'Nothing was imported: {detail}', de: 'Es wurde nichts importiert: {detail}' },
  payload_too_large: { status: 413, en: 'The request is too large.', de: 'Die Anfrage ist zu groß.' },
  sync_not_possible: {
    status: 409,
    en: 'Sync needs a Microsoft 365 account; this CRM account is not linked to one.',
    de: 'Die Synchronisierung braucht ein Microsoft 365-Konto; dieses CRM-Konto ist mit keinem verknüpft.',
  },
  sync_not_enabled: {
    status: 409,
    en: 'Calendar sync is not turned on.',
    de: 'Die Kalendersynchronisierung ist nicht aktiviert.',
  },
  mapping_invalid: {
    status: 400,
    en: 'The field mapping cannot be saved; see the marked rows.',
    de: 'Die Feldzuordnung kann nicht gespeichert werden; siehe die markierten Zeilen.',
  },
  event_date_out_of_range: {
    status: 400,
    en: 'Dates must lie between 1 January 1900 and 31 December 2999; please check the year ({detail}).',
    de: 'Daten müssen zwischen dem 1. Januar 1900 und dem 31. Dezember 2999 liegen; bitte prüfen Sie die Jahreszahl ({detail}).',
  },
  too_many_exceptions: {
    status: 400,
    en: 'A series can have at most {max} changed or cancelled occurrences.',
    de: 'Eine Serie kann höchstens {max} geänderte oder abgesagte Termine haben.',
  },
  import_too_large: {
    status: 413,
    en: 'Nothing was imported: the file is too large. An import takes at most {rows} rows and {megabytes} MB; please split the file into smaller ones.',
    de: 'Es wurde nichts importiert: Die Datei ist zu groß. Ein Import nimmt höchstens {rows} Zeilen und {megabytes} MB; bitte teilen Sie die Datei in kleinere auf.',
  },
  internal: {
    status: 500,
    en: 'Something went wrong on our side. Please try again.',
    de: 'Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es erneut.',
  },
  store_unavailable: {
    status: 503,
    en: 'The CRM cannot reach its database right now. Please try again in a moment; if you were saving something, check afterwards whether it was saved.',
    de: 'Das CRM erreicht seine Datenbank gerade nicht. Bitte versuchen Sie es gleich noch einmal; falls Sie gerade etwas gespeichert haben, prüfen Sie danach, ob es übernommen wurde.',
  },
  set_aside_item_not_found: {
    status: 404,
    en: 'This item is no longer set aside; the sync has already taken it up again.',
    de: 'Dieses Element ist nicht mehr zurückgestellt; die Synchronisierung hat es bereits wieder aufgenommen.',
  },
  unstorable_text: {
    status: 400,
    en: 'The field {field} contains a character that cannot be saved (a NUL character or broken Unicode). Please remove it and try again.',
    de: 'Das Feld {field} enthält ein Zeichen, das nicht gespeichert werden kann (ein NUL-Zeichen oder fehlerhaftes Unicode). Bitte entfernen Sie es und versuchen Sie es erneut.',
  },
  body_unreadable: {
    status: 400,
    en: 'The request could not be read: its content is damaged or does not match its declared compression.',
    de: 'Die Anfrage konnte nicht gelesen werden: Ihr Inhalt ist beschädigt oder passt nicht zur angegebenen Komprimierung.',
  },
  unsupported_media_type: {
    status: 415,
    en: 'This kind of request content is not supported. Please send JSON in UTF-8.',
    de: 'Diese Art von Anfrageinhalt wird nicht unterstützt. Bitte senden Sie JSON in UTF-8.',
  },
  account_deactivated: {
    status: 403,
    en: 'Your CRM user has been deactivated. Ask an administrator of your CRM account to activate it again.',
    de: 'Ihr CRM-Benutzer wurde deaktiviert. Bitten Sie einen Administrator Ihres CRM-Kontos, ihn wieder zu aktivieren.',
  },
  user_not_found: {
    status: 404,
    en: 'This user is not in your CRM account (any more). Refresh the list of users.',
    de: 'Diesen Benutzer gibt es in Ihrem CRM-Konto nicht (mehr). Aktualisieren Sie die Benutzerliste.',
  },
  last_super_admin: {
    status: 409,
    en: '{name} is the only active Super Admin of this CRM account, so they cannot be demoted or deactivated. Make another user Super Admin first.',
    de: '{name} ist der einzige aktive Super-Administrator dieses CRM-Kontos und kann daher weder herabgestuft noch deaktiviert werden. Machen Sie zuerst einen anderen Benutzer zum Super-Administrator.',
  },
  super_admin_only: {
    status: 403,
    en: 'Only a Super Admin can give or take away the Super Admin profile, or deactivate a Super Admin.',
    de: 'Nur ein Super-Administrator kann das Profil Super-Administrator vergeben oder entziehen oder einen Super-Administrator deaktivieren.',
  },
  cannot_deactivate_self: {
    status: 409,
    en: 'You cannot deactivate yourself. Another user with the Manage Users permission can do it.',
    de: 'Sie können sich nicht selbst deaktivieren. Das kann ein anderer Benutzer mit der Berechtigung Benutzer verwalten tun.',
  },
  mail_not_found: {
    status: 404,
    en: 'This e-mail is not filed in the CRM (any more).',
    de: 'Diese E-Mail ist nicht (mehr) im CRM abgelegt.',
  },
  mail_not_in_mailbox: {
    status: 404,
    en: 'This e-mail could not be found in your mailbox. It may have been moved or deleted; open it again and retry.',
    de: 'Diese E-Mail wurde in Ihrem Postfach nicht gefunden. Vielleicht wurde sie verschoben oder gelöscht; öffnen Sie sie erneut und versuchen Sie es noch einmal.',
  },
  mail_contact_not_involved: {
    status: 400,
    en: 'An e-mail can only be filed on CRM contacts who sent or received it.',
    de: 'Eine E-Mail kann nur bei CRM-Kontakten abgelegt werden, die sie gesendet oder empfangen haben.',
  },
};

/** Words that travel as parameters (a request's status) in each language. */
const PARAMETER_WORDS: Record<Language, Record<string, string>> = {
  en: { approved: 'approved', declined: 'declined', pending: 'pending' },
  de: { approved: 'genehmigt', declined: 'abgelehnt', pending: 'offen' },
};

export function errorMessage(
  code: ErrorCode,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  return ERROR_RULES[code][language].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = String(params[name] ?? '');
    return PARAMETER_WORDS[language][value] ?? value;
  });
}
