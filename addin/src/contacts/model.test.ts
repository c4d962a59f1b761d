import { describe, expect, it } from 'vitest';
import { EMPTY_CONTACT } from '../../../common/api/contacts';
import type { Contact } from '../api/types';
import {
  changesFromForm,
  contactName,
  emptyContactForm,
  fieldProblemsIn,
  formFromContact,
  formProblems,
  inputFromForm,
  notSyncedYet,
  splitDisplayName,
} from './model';

/** A contact as the service answers it: the contract's empty values for what a test leaves out. */
const contact = (over: Partial<Contact> = {}): Contact => ({
  id: 'c1',
  ownerId: 'u1',
  ...EMPTY_CONTACT,
  firstName: 'Anna',
  lastName: 'Müller',
  accountName: 'Contoso',
  email: 'anna@contoso.com',
  origin: 'crm',
  syncEligible: true,
  version: 1,
  createdAt: '',
  updatedAt: '',
  ...over,
});

describe('splitDisplayName', () => {
  it.each([
    ['Anna Müller', 'Anna', 'Müller'],
    ['Anna Maria Müller', 'Anna Maria', 'Müller'],
    ['Müller, Anna', 'Anna', 'Müller'],
    ['"Anna Müller"', 'Anna', 'Müller'],
    ['Contoso', '', 'Contoso'],
    ['anna@contoso.com', '', ''],
    ['', '', ''],
  ])('%s → %s / %s', (display, first, last) => {
    expect(splitDisplayName(display, 'anna@contoso.com')).toEqual({ firstName: first, lastName: last });
  });
});

describe('contact form', () => {
  it('needs a last name and a real date', () => {
    expect(formProblems(emptyContactForm({ dateOfBirth: '1980-1-1' }))).toEqual([
      { field: 'lastName', kind: 'required' },
      { field: 'dateOfBirth', kind: 'invalid' },
    ]);
    expect(formProblems(emptyContactForm({ lastName: 'X' }))).toEqual([]);
  });

  it('sends only filled fields for a new contact', () => {
    expect(inputFromForm(emptyContactForm({ lastName: ' Müller ', email: 'a@b.de ' }))).toEqual({
      lastName: 'Müller',
      email: 'a@b.de',
    });
  });

  it('sends only what changed, with an emptied date as null', () => {
    const before = contact({ dateOfBirth: '1980-04-23' });
    const form = { ...formFromContact(before), mobile: '+49 1', dateOfBirth: '' };
    expect(changesFromForm(before, form)).toEqual({ mobile: '+49 1', dateOfBirth: null });
    expect(changesFromForm(before, formFromContact(before))).toEqual({});
  });
});

describe('fieldProblemsIn', () => {
  it('finds the fields the service names', () => {
    expect(
      fieldProblemsIn(
        'The request was not understood: email: must be an e-mail address like name@example.com; website: must be a web address',
      ),
    ).toEqual({ email: 'must be an e-mail address like name@example.com', website: 'must be a web address' });
    expect(fieldProblemsIn('Die Anfrage war nicht verständlich: lastName: is required')).toEqual({
      lastName: 'is required',
    });
    expect(fieldProblemsIn('Something else went wrong.')).toEqual({});
  });
});

describe('names and badges', () => {
  it('names a contact', () => {
    expect(contactName(contact())).toBe('Anna Müller');
    expect(contactName(contact({ firstName: '', lastName: '' }))).toBe('anna@contoso.com');
  });
  it('says imported and migrated contacts are not synced until edited', () => {
    expect(notSyncedYet(contact({ origin: 'import', syncEligible: false }))).toBe(true);
    expect(notSyncedYet(contact({ origin: 'migration', syncEligible: false }))).toBe(true);
    expect(notSyncedYet(contact({ origin: 'import', syncEligible: true }))).toBe(false);
    expect(notSyncedYet(contact({ origin: 'crm', syncEligible: true }))).toBe(false);
  });
});
