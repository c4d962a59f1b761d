import { beforeAll, describe, expect, it } from 'vitest';
import { de } from './de';
import { en } from './en';
import { format, loadMessages, placeholders, translator } from './translate';

beforeAll(() => Promise.all([loadMessages('en'), loadMessages('de')]));

describe('message catalogs', () => {
  it('German has exactly the English keys', () => {
    expect(Object.keys(de).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(de)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('each key uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(placeholders(de[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('uses the seed labels word for word', () => {
    expect(de['firstVisit.continue']).toBe('Weiter');
    expect(de['firstVisit.linkButton']).toBe('Mein Konto verknüpfen');
    expect(en['firstVisit.linkButton']).toBe('Link my account');
    expect(en['profile.super_admin']).toBe('Super Admin');
    expect(de['settings.usersAndControl']).toBe('Benutzer & Steuerung');
    const labels: Array<[keyof typeof en, string, string]> = [
      ['users.office365', 'Office 365-Benutzer', 'Office 365 Users'],
      ['users.newUser', 'Neuer Benutzer', 'New User'],
      ['addUsers.title', 'Benutzer hinzufügen', 'Add Users'],
      ['addUsers.save', 'Speichern', 'Save'],
      ['access.request', 'Aufnahme beantragen', 'Request Access'],
      ['review.approve', 'Genehmigen & Hinzufügen', 'Approve & Add'],
      ['review.title', 'Neuen Benutzer hinzufügen', 'Add New User'],
      ['calendarSync.enable', 'Aktivieren', 'Enable'],
      ['calendarSync.disable', 'Deaktivieren', 'Disable'],
      ['calendarSync.heading', 'Kalender', 'Calendar'],
      ['contactsSync.heading', 'Kontakte', 'Contacts'],
      ['contactMapping.title', 'Konfiguration', 'Configuration'],
      ['contactMapping.saveEnable', 'Speichern & aktivieren', 'Save & enable'],
      ['contactsSync.changeMapping', 'Zuordnung ändern', 'Change mapping'],
      ['contactMapping.notSynced', 'Nicht synchronisiert', 'Not synced'],
      ['settings.marketplace', 'Marketplace', 'Marketplace'],
      ['settings.microsoft', 'Microsoft', 'Microsoft'],
      ['calendarSync.reconnect', 'Erneut verbinden', 'Reconnect'],
      ['syncLog.heading', 'Synchronisierungsprotokoll', 'Sync log'],
      ['home.tabEvents', 'Ereignisse', 'Events'],
    ];
    for (const [key, german, english] of labels) {
      expect(de[key], key).toBe(german);
      expect(en[key], key).toBe(english);
    }
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Install for {tenant}', { tenant: 'contoso.com' })).toBe('Install for contoso.com');
    expect(format('Hi {name}', {})).toBe('Hi {name}');
  });

  it('translator picks the language', () => {
    expect(translator('de')('signIn.button')).toBe('Anmelden');
    expect(translator('en')('signIn.button')).toBe('Sign in');
  });
});
