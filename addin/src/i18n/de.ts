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
    'Ein Benutzer von {organisation}, der Benutzer verwalten darf, muss Sie hinzufügen. Wählen Sie „Aufnahme beantragen“, um per E-Mail darum zu bitten, oder „Erneut prüfen“, sobald Sie hinzugefügt wurden.',
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

  'common.cancel': 'Abbrechen',
  'common.close': 'Schließen',
  'common.requestedOn': 'Beantragt am {date}',

  'invited.title': '{organisation} in {brand} beitreten',
  'invited.titleUnknown': 'Sie sind zu {brand} eingeladen',
  'invited.body':
    'Sie wurden in das {brand}-Konto von {organisation} eingeladen. Akzeptieren Sie die Geschäftsbedingungen und wählen Sie „Weiter“, um mit Ihrer Microsoft 365-Adresse {email} beizutreten.',
  'invited.bodyUnknown':
    'Sie wurden in ein {brand}-Konto eingeladen. Akzeptieren Sie die Geschäftsbedingungen und wählen Sie „Weiter“, um mit Ihrer Microsoft 365-Adresse {email} beizutreten.',
  'invited.expires': 'Die Einladung gilt bis {date}.',
  'invited.joining': 'Sie treten bei…',
  'invited.linkNote':
    'Wenn Sie stattdessen ein vorhandenes {brand}-Konto mit einer anderen E-Mail-Adresse verknüpfen, treten Sie nicht dem Konto bei, das Sie eingeladen hat, sondern bleiben in der Organisation des verknüpften Kontos.',
  'invited.linkProblem': 'Dieser Einladungslink kann nicht verwendet werden',
  'invited.withoutLink': 'Ohne Einladungslink fortfahren',
  'invited.alreadyMember': 'Sie verwenden {brand} bereits bei {organisation}; der Einladungslink wurde nicht benötigt.',

  'access.request': 'Aufnahme beantragen',
  'access.requesting': 'Ihre Anfrage wird gesendet…',

  'requestPending.title': 'Ihre Anfrage wartet auf Genehmigung',
  'requestPending.body':
    'Ihre Anfrage, {brand} beizutreten, wurde an die Administratoren von {organisation} gesendet. Sie erhalten eine E-Mail, sobald einer von ihnen entschieden hat.',
  'requestPending.stillPending': 'Noch keine Entscheidung. Sie erhalten eine E-Mail, sobald es eine gibt.',
  'requestPending.sent': 'Ihre Anfrage wurde an {count} Administratoren von {organisation} gesendet.',
  'requestPending.mailFailed':
    'Ihre Anfrage ist gespeichert, aber die E-Mail hat {count} Administratoren nicht erreicht. Sie sehen die Anfrage trotzdem auf ihrer Seite Benutzer.',

  'requestPending.sentOne': 'Ihre Anfrage wurde an den Administrator von {organisation} gesendet.',
  'requestPending.mailFailedOne':
    'Ihre Anfrage ist gespeichert, aber die E-Mail hat einen Administrator nicht erreicht. Er sieht die Anfrage trotzdem auf seiner Seite Benutzer.',

  'requestDeclined.title': 'Ihre Anfrage wurde abgelehnt',
  'requestDeclined.body':
    'Ein Administrator von {organisation} hat Ihre Anfrage, {brand} beizutreten, am {date} abgelehnt. Wenn Sie das für einen Irrtum halten, sprechen Sie mit ihm und beantragen Sie die Aufnahme dann erneut.',

  'users.intro': 'Alle, die {brand} bei {organisation} verwenden, sowie eingeladene Personen und Beitrittsanfragen.',
  'users.office365': 'Office 365-Benutzer',
  'users.newUser': 'Neuer Benutzer',
  'users.upgradeHint':
    'Das Einladen von Office 365-Benutzern ist in den kostenpflichtigen Versionen verfügbar; {organisation} verwendet die Version {edition}. Führen Sie ein Upgrade durch, um es zu nutzen. „Neuer Benutzer“ funktioniert in jeder Version.',
  'users.loading': 'Benutzer werden geladen…',
  'users.refresh': 'Aktualisieren',
  'users.noPermission': 'Sie können keine Benutzer verwalten',
  'users.tableLabel': 'CRM-Benutzer',
  'users.colName': 'Name',
  'users.colEmail': 'E-Mail',
  'users.colProfile': 'Profil',
  'users.colStatus': 'Status',
  'users.you': 'Sie',
  'users.requestsHeading': 'Beitrittsanfragen',
  'users.requestsEmpty': 'Keine offenen Anfragen.',
  'users.review': 'Prüfen',
  'users.reviewLabel': 'Anfrage von {name} prüfen',
  'users.invitationsHeading': 'Einladungen',
  'users.invitationsEmpty': 'Noch keine Einladungen.',
  'users.invitedOn': 'Eingeladen am {date}',
  'users.expiresOn': 'gültig bis {date}',
  'users.viaOffice365': 'Office 365',
  'users.viaEmail': 'E-Mail',
  'users.resend': 'Erneut senden',
  'users.resendLabel': 'Einladung an {email} erneut senden',
  'users.revoke': 'Zurückziehen',
  'users.revokeLabel': 'Einladung an {email} zurückziehen',
  'users.revokeTitle': 'Einladung zurückziehen?',
  'users.revokeBody':
    'Der an {email} gesendete Link funktioniert dann nicht mehr. Sie können die Person später erneut einladen.',
  'users.resent': 'Die Einladung an {email} wurde erneut gesendet.',
  'users.resendFailed':
    'Die Einladung an {email} ist weiter gültig, aber die E-Mail konnte nicht gesendet werden. Versuchen Sie es später erneut.',
  'users.revoked': 'Die Einladung an {email} wurde zurückgezogen.',

  'userStatus.active': 'Aktiv',
  'userStatus.inactive': 'Inaktiv',

  'invitationState.pending': 'Ausstehend',
  'invitationState.not_sent': 'Nicht gesendet',
  'invitationState.expired': 'Abgelaufen',
  'invitationState.accepted': 'Angenommen',
  'invitationState.revoked': 'Zurückgezogen',

  'addUsers.title': 'Benutzer hinzufügen',
  'addUsers.body':
    'Wählen Sie die Personen aus Ihrem Microsoft 365-Verzeichnis, die {brand} verwenden sollen. Jede von ihnen erhält eine Einladungs-E-Mail.',
  'addUsers.search': 'Suchen',
  'addUsers.searchPlaceholder': 'Name, E-Mail oder Position',
  'addUsers.loading': 'Ihr Verzeichnis wird geladen…',
  'addUsers.listLabel': 'Personen in Ihrem Verzeichnis',
  'addUsers.alreadyInvited': 'Bereits eingeladen',
  'addUsers.none': 'Alle in Ihrem Verzeichnis verwenden {brand} bereits.',
  'addUsers.noMatch': 'Niemand passt zu „{query}“.',
  'addUsers.selected': '{count} ausgewählt',
  'addUsers.save': 'Speichern',
  'addUsers.saving': 'Einladungen werden gesendet…',
  'addUsers.summary': '{invited} von {total} eingeladen.',
  'addUsers.resultLabel': 'Ergebnis je Person',

  'outcome.invited': 'Einladung gesendet',
  'outcome.already_member': 'Bereits Benutzer',
  'outcome.already_invited': 'Bereits eingeladen',
  'outcome.not_in_directory': 'Nicht im Verzeichnis gefunden',
  'outcome.mail_failed':
    'Einladung erstellt, aber die E-Mail konnte nicht gesendet werden; später „Erneut senden“ verwenden',

  'newUser.title': 'Neuer Benutzer',
  'newUser.body':
    'Laden Sie eine beliebige Person per E-Mail-Adresse ein; sie braucht kein Microsoft 365-Konto Ihrer Organisation.',
  'newUser.name': 'Name (optional)',
  'newUser.email': 'E-Mail-Adresse',
  'newUser.invalidEmail': 'Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
  'newUser.submit': 'Einladung senden',
  'newUser.sending': 'Wird gesendet…',
  'newUser.sent': 'An {email} wurde eine Einladung gesendet.',
  'newUser.outcome': '{email}: {outcome}.',

  'review.title': 'Neuen Benutzer hinzufügen',
  'review.body':
    '{name} möchte {brand} beitreten. „Genehmigen & Hinzufügen“ macht die Person zum Standardbenutzer; beide Antworten erhält sie per E-Mail.',
  'review.name': 'Name',
  'review.email': 'E-Mail',
  'review.requestedOn': 'Beantragt am',
  'review.approve': 'Genehmigen & Hinzufügen',
  'review.decline': 'Ablehnen',
  'review.loading': 'Anfrage wird geladen…',
  'review.deciding': 'Ihre Entscheidung wird gespeichert…',
  'review.approved': '{name} wurde als Benutzer hinzugefügt und erhält eine E-Mail.',
  'review.declined': 'Sie haben die Anfrage von {name} abgelehnt. Die Person erhält eine E-Mail.',
  'review.alreadyApproved': 'Diese Anfrage wurde bereits am {date} genehmigt.',
  'review.alreadyDeclined': 'Diese Anfrage wurde bereits am {date} abgelehnt.',
  'review.invalidLink':
    'Dieser Genehmigungslink ist nicht gültig. Öffnen Sie die Anfrage stattdessen auf der Seite Benutzer.',

  'home.tabEvents': 'Ereignisse',

  'events.title': 'Meine Ereignisse',
  'events.intro': 'Ihre eigenen Ereignisse in {brand}: zuerst, was ansteht, dann, was vorbei ist.',
  'events.new': 'Neues Ereignis',
  'events.import': 'CSV importieren',
  'events.refresh': 'Aktualisieren',
  'events.loading': 'Ereignisse werden geladen…',
  'events.empty':
    'Noch keine Ereignisse. Erstellen Sie eines, importieren Sie eine CSV-Datei oder aktivieren Sie die Kalendersynchronisierung, um die Ereignisse des {brand}-Kalenders in Outlook zu übernehmen.',
  'events.upcoming': 'Anstehend',
  'events.earlier': 'Vergangen',
  'events.noUpcoming': 'Keine anstehenden Ereignisse.',
  'events.todayHeading': 'Heute, {date}',
  'events.tomorrowHeading': 'Morgen, {date}',
  'events.dayLabel': 'Ereignisse am {date}',
  'events.allDay': 'Ganztägig',
  'events.allDayUntil': 'Ganztägig, bis {date}',
  'events.yourTime': '{time} Ihre Zeit',
  'events.badgeImported': 'Importiert',
  'events.badgeImportedHint': 'Importierte Ereignisse werden erst mit Microsoft 365 synchronisiert, wenn Sie sie bearbeiten.',
  'events.badgeOutlook': 'Aus Outlook',
  'events.attendees': '{count} Teilnehmer',
  'events.attendeesOne': '1 Teilnehmer',
  'events.rowLabel': '{subject}, {when}',
  'events.editLabel': '{subject} bearbeiten',
  'events.deleteLabel': '{subject} löschen',
  'events.created': '„{subject}“ wurde erstellt.',
  'events.saved': '„{subject}“ wurde gespeichert.',
  'events.deleted': '„{subject}“ wurde gelöscht.',
  'events.importDone': '{count} Ereignisse importiert. Importierte Ereignisse werden nicht mit Microsoft 365 synchronisiert.',
  'events.importDoneOne': '1 Ereignis importiert. Importierte Ereignisse werden nicht mit Microsoft 365 synchronisiert.',

  'eventDialog.newTitle': 'Neues Ereignis',
  'eventDialog.editTitle': 'Ereignis bearbeiten',
  'eventDialog.subject': 'Betreff',
  'eventDialog.start': 'Beginn',
  'eventDialog.end': 'Ende',
  'eventDialog.allDay': 'Ganztägig',
  'eventDialog.allDayHint': 'Bei einem ganztägigen Ereignis ist Ende sein letzter Tag.',
  'eventDialog.timeZone': 'Zeitzone',
  'eventDialog.thisDevice': '{zone} (dieses Gerät)',
  'eventDialog.location': 'Ort',
  'eventDialog.description': 'Beschreibung',
  'eventDialog.attendees': 'Teilnehmer',
  'eventDialog.attendeesHint': 'E-Mail-Adressen, durch Kommas getrennt.',
  'eventDialog.save': 'Speichern',
  'eventDialog.subjectRequired': 'Geben Sie einen Betreff ein.',
  'eventDialog.invalidTime': 'Geben Sie ein Datum und eine Uhrzeit ein.',
  'eventDialog.invalidDate': 'Geben Sie ein Datum ein.',
  'eventDialog.endBeforeStart': 'Das Ende muss nach dem Beginn liegen.',
  'eventDialog.endBeforeStartAllDay': 'Der letzte Tag darf nicht vor dem ersten liegen.',
  'eventDialog.timeZoneRequired': 'Wählen Sie eine Zeitzone.',
  'eventDialog.invalidEmails': 'Das sind keine E-Mail-Adressen: {emails}',

  'deleteEvent.title': 'Ereignis löschen?',
  'deleteEvent.body':
    '„{subject}“ wird aus {brand} gelöscht. Ist die Kalendersynchronisierung aktiviert, verschwindet es auch aus Ihrem Outlook-Kalender.',
  'deleteEvent.confirm': 'Löschen',

  'importEvents.title': 'CSV importieren',
  'importEvents.body':
    'Die erste Zeile nennt die Spalten. Subject, Start, End und Time Zone sind Pflicht; All Day, Location und Description sind optional. Schreiben Sie Zeiten wie 2026-03-29T09:00, in der Zeitzone der Zeile (etwa Europe/Berlin).',
  'importEvents.note':
    'Importierte Ereignisse werden nicht mit Microsoft 365 synchronisiert. Ein importiertes Ereignis, das Sie später bearbeiten, schon.',
  'importEvents.file': 'CSV-Datei',
  'importEvents.paste': 'CSV-Text',
  'importEvents.pasteHint': 'Wählen Sie oben eine Datei, oder fügen Sie den Text hier ein.',
  'importEvents.fileLoaded': '{name} geladen.',
  'importEvents.fileError': 'Die Datei konnte nicht gelesen werden.',
  'importEvents.required': 'Wählen Sie eine CSV-Datei oder fügen Sie CSV-Text ein.',
  'importEvents.submit': 'Importieren',

  'microsoft.intro': 'Synchronisieren Sie {brand} mit Microsoft 365. Jeder Benutzer aktiviert die Synchronisierung für sich selbst.',
  'calendarSync.heading': 'Kalender',
  'calendarSync.what':
    'Ereignisse, die Sie in {brand} oder in Outlook erstellen, ändern oder löschen, erscheinen binnen Sekunden auf der anderen Seite. Synchronisierte Ereignisse stehen im Kalender „{calendarName}“, nicht in Ihren anderen Kalendern; nur Ihre eigenen Ereignisse werden synchronisiert, importierte nicht, und die erste Synchronisierung umfasst höchstens {max} Ereignisse, zukünftige zuerst.',
  'calendarSync.enable': 'Aktivieren',
  'calendarSync.disable': 'Deaktivieren',
  'calendarSync.loading': 'Kalendersynchronisierung wird geladen…',
  'calendarSync.status': 'Status',
  'calendarSync.lastRun': 'Letzte Synchronisierung',
  'calendarSync.lastSuccess': 'Letzte erfolgreiche Synchronisierung',
  'calendarSync.when': '{relative} ({absolute})',
  'calendarSync.never': 'Noch nicht',
  'calendarSync.linked': 'Synchronisierte Ereignisse',
  'calendarSync.progressLabel': 'Fortschritt der ersten Synchronisierung',
  'calendarSync.progress': '{done} von {total}',
  'calendarSync.progressStarting': 'Die erste Synchronisierung wird vorbereitet…',
  'calendarSync.errorTitle': 'Die Synchronisierung hat ein Problem',
  'calendarSync.errorAt': 'Bemerkt {relative}.',
  'calendarSync.reconnect': 'Erneut verbinden',
  'calendarSync.turnedOff':
    'Synchronisierung deaktiviert. Der Kalender {calendarName} wurde aus Outlook entfernt; Ihre Ereignisse bleiben im CRM erhalten.',
  'calendarSync.turnedOffAlreadyGone':
    'Synchronisierung deaktiviert. Der Kalender {calendarName} war in Outlook bereits entfernt; Ihre Ereignisse bleiben im CRM erhalten.',
  'calendarSync.calendarDeleted':
    'Die Synchronisierung wurde deaktiviert, weil der Kalender {calendarName} in Outlook gelöscht wurde; Ihre Ereignisse bleiben im CRM erhalten.',
  'calendarSync.enableAgain': 'Wählen Sie „Aktivieren“, um wieder zu synchronisieren; nichts wird doppelt angelegt.',

  'syncState.off': 'Aus',
  'syncState.on': 'Ein',
  'syncState.firstSync': 'Erste Synchronisierung läuft',
  'syncState.failed': 'Fehlerhaft',
  'syncState.reconnect': 'Neu verbinden nötig',

  'disableSync.title': 'Kalendersynchronisierung deaktivieren?',
  'disableSync.body':
    'Der Kalender {calendarName} wird aus Outlook entfernt, und mit ihm die dort synchronisierten Ereignisse. Ihre Ereignisse bleiben im CRM erhalten.',
  'disableSync.confirm': 'Deaktivieren',

  'syncLog.heading': 'Synchronisierungsprotokoll',
  'syncLog.intro': 'Was die Synchronisierung zuletzt getan hat, das Neueste zuerst.',
  'syncLog.empty': 'Noch nichts synchronisiert.',
  'syncLog.colTime': 'Zeit',
  'syncLog.colDirection': 'Richtung',
  'syncLog.colAction': 'Was',
  'syncLog.colSubject': 'Betreff',
  'syncLog.colReason': 'Grund',
  'syncDirection.to_microsoft': 'Nach Outlook',
  'syncDirection.from_microsoft': 'Aus Outlook',
  'syncDirection.none': 'Synchronisierung',
  'syncAction.created': 'Erstellt',
  'syncAction.updated': 'Geändert',
  'syncAction.deleted': 'Gelöscht',
  'syncAction.skipped': 'Übersprungen',
  'syncAction.conflict': 'Konflikt',
  'syncAction.error': 'Fehler',
  'syncAction.enabled': 'Aktiviert',
  'syncAction.disabled': 'Deaktiviert',

  'contactsSync.heading': 'Kontakte',
  'contactsSync.comingSoon': 'Demnächst',
  'contactsSync.body': 'Die Synchronisierung Ihrer {brand}-Kontakte mit einem Kontaktordner „{brand}“ in Outlook folgt in Kürze.',

  'failing.heading': 'Benutzer mit fehlerhafter Synchronisierung',
  'failing.intro': 'Nur Administratoren sehen diese Liste.',
  'failing.none': 'Die Synchronisierung funktioniert bei allen.',
  'failing.loading': 'Wird geladen…',
  'failing.colUser': 'Benutzer',
  'failing.colSync': 'Synchronisierung',
  'failing.colProblem': 'Problem',
  'failing.since': 'seit {date}',
  'syncKind.calendar': 'Kalender',
  'syncKind.contacts': 'Kontakte',

  'homeSync.heading': 'Kalendersynchronisierung',
  'homeSync.off': 'Ihre {brand}-Ereignisse werden noch nicht mit Outlook synchronisiert.',
  'homeSync.on': 'Ihre Ereignisse werden mit dem Kalender „{calendarName}“ in Outlook synchronisiert ({count} Ereignisse).',
  'homeSync.firstSync': 'Die erste Synchronisierung läuft: {done} von {total} Ereignissen.',
  'homeSync.problem': 'Die Synchronisierung hat ein Problem. Öffnen Sie die Einstellungen, um zu sehen, was zu tun ist.',
  'homeSync.open': 'Einstellungen zur Kalendersynchronisierung',
  'homeSync.events': 'Meine Ereignisse',

  'error.title': 'Etwas ist schiefgelaufen',
  'error.generic':
    'Der Dienst war nicht erreichbar oder hat nicht wie erwartet geantwortet. Versuchen Sie es gleich noch einmal.',
  'error.network': 'Der Dienst ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.retry': 'Erneut versuchen',
};
