import type { Messages } from './en';

/** German strings; the labels the seed names are used word for word. */
export const de: Messages = {
  'app.loading': 'Wird geladen…',
  'app.signedInAs': 'Angemeldet als {email}',
  'app.checkAgain': 'Erneut prüfen',

  'signIn.title': 'Bei {brand} anmelden',
  'signIn.body': 'Verwenden Sie Ihr Microsoft 365-Geschäftskonto. Ein eigenes {brand}-Kennwort brauchen Sie nicht.',
  'signIn.button': 'Anmelden',
  'signIn.busy': 'Anmeldung läuft…',
  'signIn.popupBlocked':
    'Ihr Browser hat das Anmeldefenster blockiert. Erlauben Sie Pop-ups für diese Website und versuchen Sie es erneut.',
  'signIn.cancelled': 'Die Anmeldung wurde abgebrochen. Wählen Sie „Anmelden“, um es erneut zu versuchen.',
  'signIn.failed':
    'Die Anmeldung ist nicht gelungen. Versuchen Sie es erneut oder wenden Sie sich an Ihren Administrator, falls es weiterhin fehlschlägt.',
  'signIn.rejected': 'Ihre Anmeldung wurde nicht akzeptiert. Melden Sie sich erneut an.',

  'notInstalled.title': '{brand} ist für {tenant} noch nicht eingerichtet',
  'notInstalled.userBody':
    'Bevor jemand in Ihrer Organisation {brand} verwenden kann, muss ein Microsoft 365-Administrator von {tenant} die App installieren und ihr die nötigen Berechtigungen erteilen.',
  'notInstalled.askHeading': 'Bitten Sie Ihren Administrator um Folgendes',
  'notInstalled.askText':
    'Bitte installieren Sie die {brand}-App für Microsoft 365 für {tenant} und erteilen Sie die Administratorzustimmung für die Organisation.',
  'notInstalled.userHint': 'Sobald die App installiert ist, kommen Sie hierher zurück und wählen „Erneut prüfen“.',
  'notInstalled.adminBody':
    'Sie sind Administrator von {tenant}. Installieren Sie {brand} für Ihre Organisation, um die nötigen Microsoft 365-Berechtigungen zu erteilen. Alle Benutzer, die Sie genehmigen, können die App dann in Outlook und Teams verwenden.',
  'notInstalled.installButton': 'Für {tenant} installieren',
  'notInstalled.waiting': 'Warten, bis die Installation im anderen Fenster abgeschlossen ist…',
  'notInstalled.popupBlocked':
    'Das Installationsfenster wurde blockiert. Erlauben Sie Pop-ups für diese Website oder öffnen Sie die Zustimmungsseite direkt:',
  'notInstalled.openConsentPage': 'Zustimmungsseite öffnen',
  'notInstalled.stillNotInstalled': 'Die App ist für {tenant} noch nicht installiert.',

  'firstVisit.title': 'Willkommen bei {brand}',
  'firstVisit.body':
    'Ihre Organisation hat {brand} installiert. Wählen Sie „Weiter“, um ein neues CRM-Konto mit Ihrer Microsoft 365-Adresse {email} zu erstellen; Sie werden dessen Super-Administrator.',
  'firstVisit.termsHeading': 'Geschäftsbedingungen',
  'firstVisit.terms1':
    'Diese Bedingungen regeln die Nutzung von {brand} (der „Dienst“) durch Ihre Organisation. Indem Sie fortfahren, bestätigen Sie, dass Sie sie im Namen Ihrer Organisation annehmen dürfen.',
  'firstVisit.terms2':
    'Die Daten, die Ihre Organisation im Dienst speichert, gehören ihr. Wir verarbeiten sie nur, um den Dienst bereitzustellen, einschließlich der Synchronisierung von Kalendern und Kontakten mit Microsoft 365, die Benutzer selbst aktivieren, und wir verkaufen sie niemals.',
  'firstVisit.terms3':
    'Sie sind für die Benutzer verantwortlich, die Sie einladen oder genehmigen, und dafür, deren Zugriff aktuell zu halten. Der Dienst wird ohne Gewähr bereitgestellt; wir können Funktionen mit angemessener Vorankündigung ändern.',
  'firstVisit.terms4':
    'Sie können Ihr Konto jederzeit schließen. Daten, die mit Microsoft 365 synchronisiert wurden, unterliegen weiterhin den Microsoft 365-Richtlinien Ihrer Organisation.',
  'firstVisit.accept': 'Ich akzeptiere die Geschäftsbedingungen',
  'firstVisit.continue': 'Weiter',
  'firstVisit.creating': 'Ihr Konto wird erstellt…',
  'firstVisit.linkPrompt': 'Sie verwenden {brand} bereits mit einer anderen E-Mail-Adresse?',
  'firstVisit.linkButton': 'Mein Konto verknüpfen',

  'link.title': 'Mein Konto verknüpfen',
  'link.body':
    'Melden Sie sich mit der E-Mail-Adresse und dem Kennwort Ihres vorhandenen {brand}-Kontos an. Danach öffnet Ihr Microsoft 365-Konto dieses {brand}-Konto.',
  'link.email': 'E-Mail-Adresse',
  'link.password': 'Kennwort',
  'link.submit': 'Konto verknüpfen',
  'link.submitting': 'Wird verknüpft…',
  'link.cancel': 'Abbrechen',
  'link.required': 'Geben Sie Ihre E-Mail-Adresse und Ihr Kennwort ein.',

  'noAccess.title': '{organisation} verwendet {brand} bereits',
  'noAccess.body': 'Ihr Unternehmen hat bereits ein {brand}-Konto, aber Sie sind noch kein Benutzer darin.',
  'noAccess.hint':
    'Ein Benutzer von {organisation}, der Benutzer verwalten darf, muss Sie hinzufügen. Danach wählen Sie „Erneut prüfen“.',
  'noAccess.stillNoAccess': 'Sie sind noch kein Benutzer von {organisation}.',

  'home.nav': 'Hauptnavigation',
  'home.tabHome': 'Start',
  'home.tabSettings': 'Einstellungen',
  'home.welcome': 'Willkommen, {name}',
  'home.intro': 'Sie sind bei {organisation} angemeldet.',
  'home.organisation': 'Organisation',
  'home.edition': 'Edition',
  'home.profile': 'Profil',
  'home.email': 'E-Mail',
  'home.comingSoon': 'Diese Seite wird gerade erstellt.',

  'profile.super_admin': 'Super-Administrator',
  'profile.administrator': 'Administrator',
  'profile.standard': 'Standard',

  'edition.free': 'Kostenlos',
  'edition.standard': 'Standard',
  'edition.professional': 'Professional',
  'edition.enterprise': 'Enterprise',

  'settings.title': 'Einstellungen',
  'settings.setup': 'Setup',
  'settings.usersAndControl': 'Benutzer & Steuerung',
  'settings.users': 'Benutzer',
  'settings.usersBody': 'Sehen Sie, wer {brand} verwendet, und laden Sie Ihre Microsoft 365-Benutzer ein.',
  'settings.marketplace': 'Marketplace',
  'settings.microsoft': 'Microsoft',
  'settings.microsoftBody': 'Synchronisieren Sie Ihren Kalender und Ihre Kontakte mit Microsoft 365.',
  'settings.back': 'Zurück zu den Einstellungen',

  'error.title': 'Etwas ist schiefgelaufen',
  'error.generic':
    'Der Dienst war nicht erreichbar oder hat nicht wie erwartet geantwortet. Versuchen Sie es gleich noch einmal.',
  'error.network': 'Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.retry': 'Erneut versuchen',
};
