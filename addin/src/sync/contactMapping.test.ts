import { beforeAll, describe, expect, it } from 'vitest';
import {
  GRAPH_ADDRESS_NAMES,
  GRAPH_ADDRESS_PART_NAMES,
  GRAPH_CONTACT_PROPERTY_NAMES,
} from '../../../common/api/contacts';
import type { ContactMappingOffer } from '../api/types';
import { de } from '../i18n/de';
import { en } from '../i18n/en';
import { loadMessages, translator } from '../i18n/translate';
import {
  initialChoices,
  mappingFromChoices,
  problemsByField,
  takenTargets,
  targetLabel,
  targetName,
} from './contactMapping';

const offer: ContactMappingOffer = {
  mapping: [
    { crmField: 'firstName', graph: { property: 'givenName' } },
    { crmField: 'email', graph: { property: 'emailAddresses', position: 0 } },
    { crmField: 'otherCity', graph: { property: 'gone' } },
  ],
  isDefault: true,
  fields: [
    {
      field: 'firstName',
      type: 'text',
      label: 'First Name',
      targets: [{ property: 'givenName' }, { property: 'surname' }],
    },
    {
      field: 'lastName',
      type: 'text',
      label: 'Last Name',
      targets: [{ property: 'givenName' }, { property: 'surname' }],
    },
    {
      field: 'email',
      type: 'email',
      label: 'Email',
      targets: [0, 1, 2].map((position) => ({ property: 'emailAddresses', position })),
    },
    { field: 'otherCity', type: 'text', label: 'Other City', targets: [{ property: 'homeAddress.city' }] },
  ],
  crmOnlyFields: [{ field: 'fax', label: 'Fax' }],
  graphProperties: [],
};

beforeAll(() => Promise.all([loadMessages('en'), loadMessages('de')]));

describe('contact mapping dialog helpers', () => {
  it('names targets as the service writes them', () => {
    expect(targetName({ property: 'givenName' })).toBe('givenName');
    expect(targetName({ property: 'emailAddresses', position: 1 })).toBe('emailAddresses[1]');
  });

  it('labels targets in both languages, unknown ones by their name', () => {
    const t = translator('en');
    expect(targetLabel({ property: 'givenName' }, t)).toBe('First name');
    expect(targetLabel({ property: 'emailAddresses', position: 0 }, t)).toBe('Email');
    expect(targetLabel({ property: 'emailAddresses', position: 1 }, t)).toBe('Email 2');
    expect(targetLabel({ property: 'homeAddress.city' }, t)).toBe('Home address: city');
    expect(targetLabel({ property: 'nickName' }, t)).toBe('nickName');
    expect(targetLabel({ property: 'homeAddress.city' }, translator('de'))).toBe('Privatadresse: Ort');
    expect(targetLabel({ property: 'businessPhones', position: 1 }, translator('de'))).toBe('Telefon geschäftlich 2');
  });

  it('has a friendly name for every Graph property the service offers', () => {
    const properties = [...GRAPH_CONTACT_PROPERTY_NAMES, ...GRAPH_ADDRESS_NAMES, ...GRAPH_ADDRESS_PART_NAMES];
    for (const property of properties) {
      expect(Object.keys(en), property).toContain(`graph.${property}`);
      expect(Object.keys(de), property).toContain(`graph.${property}`);
    }
  });

  it('fills the choices from the mapping; an unknown saved target reads as Not synced', () => {
    expect(initialChoices(offer)).toEqual({
      firstName: 'givenName',
      lastName: '',
      email: 'emailAddresses[0]',
      otherCity: '',
    });
  });

  it('sends the chosen rows in field order and remembers which field each row is', () => {
    const { mapping, rowFields } = mappingFromChoices(offer, {
      firstName: '',
      lastName: 'surname',
      email: 'emailAddresses[2]',
      otherCity: 'homeAddress.city',
    });
    expect(mapping).toEqual([
      { crmField: 'lastName', graph: { property: 'surname' } },
      { crmField: 'email', graph: { property: 'emailAddresses', position: 2 } },
      { crmField: 'otherCity', graph: { property: 'homeAddress.city' } },
    ]);
    expect(rowFields).toEqual(['lastName', 'email', 'otherCity']);
  });

  it('finds a target chosen twice and names the field that has it', () => {
    expect(takenTargets(offer, { firstName: 'givenName', lastName: 'givenName', email: '', otherCity: '' })).toEqual({
      lastName: 'First Name',
    });
    expect(takenTargets(offer, initialChoices(offer))).toEqual({});
  });

  it('puts the service problems back on their fields', () => {
    const problems = [
      { row: 1, code: 'graph_target_taken', message: 'Taken.' },
      { row: 7, code: 'x', message: 'Elsewhere.' },
    ];
    expect(problemsByField(problems, ['lastName', 'email'])).toEqual({
      byField: { email: ['Taken.'] },
      other: ['Elsewhere.'],
    });
  });
});
