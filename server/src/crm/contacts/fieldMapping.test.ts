import {
  GRAPH_ADDRESS_NAMES,
  GRAPH_ADDRESS_PART_NAMES,
  GRAPH_CONTACT_PROPERTY_NAMES,
} from '../../../../common/api/contacts.js';
import { describe, expect, it } from 'vitest';
import { EMPTY_CONTACT, type NewContact } from '../../../../common/api/contacts.js';
import {
  CRM_CONTACT_FIELDS,
  crmToGraph,
  DEFAULT_CONTACT_MAPPING,
  formatTarget,
  GRAPH_CONTACT_PROPERTIES,
  graphTargetsFor,
  graphToCrm,
  typesCompatible,
  validateMapping,
  type ContactMapping,
  type GraphContact,
} from './fieldMapping.js';

const garth: NewContact = {
  ...EMPTY_CONTACT,
  salutation: 'Mr.',
  firstName: 'Garth',
  lastName: 'Fort',
  title: 'Web Marketing Manager',
  accountName: 'Contoso, Inc.',
  department: 'Sales & Marketing',
  email: 'garth@contoso.example',
  secondaryEmail: 'garth.fort@private.example',
  phone: '+1 918 555 0101',
  mobile: '+1 918 555 0199',
  homePhone: '+1 918 555 0123',
  fax: '+1 918 555 0102',
  dateOfBirth: '1974-07-22',
  mailingStreet: '123 Some street',
  mailingCity: 'Seattle',
  mailingZip: '98121',
  mailingCountry: 'USA',
  otherCity: 'Redmond',
  description: 'Met at the trade fair.\nLikes golf.',
  website: 'https://www.contoso.example',
  skypeId: 'sip:garth@contoso.example',
  twitter: '@garth',
  leadSource: 'Trade fair',
};

describe('the contact field lists', () => {
  it('offers exactly the Graph properties the contract names, so the add-in has a name for each', () => {
    const named = [
      ...GRAPH_CONTACT_PROPERTY_NAMES,
      ...GRAPH_ADDRESS_NAMES.flatMap((address) => GRAPH_ADDRESS_PART_NAMES.map((part) => `${address}.${part}`)),
    ];
    expect(GRAPH_CONTACT_PROPERTIES.map((property) => property.property)).toEqual(named);
  });

  it('names every Graph contact property the app syncs, multi-valued ones with their caps', () => {
    const properties = GRAPH_CONTACT_PROPERTIES.map((property) =>
      property.maxValues ? `${property.property}[${property.maxValues}]` : property.property,
    );
    expect(properties).toEqual(
      expect.arrayContaining([
        'givenName',
        'surname',
        'middleName',
        'title',
        'jobTitle',
        'department',
        'companyName',
        'assistantName',
        'birthday',
        'personalNotes',
        'businessHomePage',
        'mobilePhone',
        'emailAddresses[3]',
        'businessPhones[2]',
        'homePhones[2]',
        'imAddresses[3]',
        'businessAddress.street',
        'homeAddress.postalCode',
        'otherAddress.countryOrRegion',
      ]),
    );
    expect(properties).toHaveLength(31);
  });

  it('offers each CRM field only the Graph values of a compatible type, and never the CRM-only fields', () => {
    expect(CRM_CONTACT_FIELDS.filter((field) => field.crmOnly).map((field) => field.field)).toEqual([
      'fax',
      'asstPhone',
      'twitter',
      'emailOptOut',
      'leadSource',
    ]);
    for (const field of CRM_CONTACT_FIELDS) {
      const targets = graphTargetsFor(field.field);
      if (field.crmOnly) expect(targets, field.field).toEqual([]);
      else expect(targets.length, field.field).toBeGreaterThan(0);
      for (const target of targets)
        expect(
          typesCompatible(field.type, GRAPH_CONTACT_PROPERTIES.find((p) => p.property === target.property)!.type),
        ).toBe(true);
    }
    expect(graphTargetsFor('email').map(formatTarget)).toEqual([
      'emailAddresses[0]',
      'emailAddresses[1]',
      'emailAddresses[2]',
    ]);
    expect(graphTargetsFor('dateOfBirth').map(formatTarget)).toEqual(['birthday']);
    expect(graphTargetsFor('mobile').map(formatTarget)).toEqual([
      'mobilePhone',
      'businessPhones[0]',
      'businessPhones[1]',
      'homePhones[0]',
      'homePhones[1]',
    ]);
  });

  it('has a default mapping that is valid and covers every field that has a Graph counterpart once', () => {
    expect(validateMapping(DEFAULT_CONTACT_MAPPING)).toEqual([]);
    const mapped = DEFAULT_CONTACT_MAPPING.map((row) => row.crmField).sort();
    expect(mapped).toEqual(
      CRM_CONTACT_FIELDS.filter((field) => !field.crmOnly)
        .map((field) => field.field)
        .sort(),
    );
    expect(DEFAULT_CONTACT_MAPPING.find((row) => row.crmField === 'salutation')?.graph).toEqual({ property: 'title' });
    expect(DEFAULT_CONTACT_MAPPING.find((row) => row.crmField === 'title')?.graph).toEqual({ property: 'jobTitle' });
  });
});

describe('validateMapping', () => {
  it('reports each kind of problem on its row, with a stable code and a message in both languages', () => {
    const mapping: ContactMapping = [
      { crmField: 'firstName', graph: { property: 'givenName' } },
      { crmField: 'nickname', graph: { property: 'nickName' } },
      { crmField: 'fax', graph: { property: 'businessPhones', position: 1 } },
      { crmField: 'lastName', graph: { property: 'fileAs' } },
      { crmField: 'dateOfBirth', graph: { property: 'mobilePhone' } },
      { crmField: 'email', graph: { property: 'emailAddresses', position: 3 } },
      { crmField: 'phone', graph: { property: 'businessPhones' } },
      { crmField: 'mobile', graph: { property: 'mobilePhone', position: 0 } },
      { crmField: 'middleName', graph: { property: 'givenName' } },
      { crmField: 'firstName', graph: { property: 'surname' } },
      { crmField: 'homePhone', graph: { property: 'homePhones', position: 0 } },
      { crmField: 'otherPhone', graph: { property: 'homePhones', position: 0 } },
    ];
    const problems = validateMapping(mapping);
    expect(problems.map((problem) => [problem.row, problem.code])).toEqual([
      [1, 'unknown_crm_field'],
      [2, 'crm_only_field'],
      [3, 'unknown_graph_property'],
      [4, 'type_mismatch'],
      [5, 'position_out_of_range'],
      [6, 'position_missing'],
      [7, 'position_not_allowed'],
      [8, 'graph_target_taken'],
      [9, 'crm_field_mapped_twice'],
      [11, 'graph_target_taken'],
    ]);
    const byRow = (row: number) => problems.find((problem) => problem.row === row)!.message;
    expect(byRow(4)).toEqual({
      en: 'Date of Birth is a date and cannot go into mobilePhone, which holds a phone number.',
      de: 'Geburtsdatum ist ein Datum und passt nicht in mobilePhone, das eine Telefonnummer enthält.',
    });
    expect(byRow(5).en).toBe(
      'Microsoft 365 allows at most 3 values in emailAddresses, so emailAddresses[3] does not exist.',
    );
    expect(byRow(8)).toEqual({
      en: 'givenName already receives First Name (row 1).',
      de: 'givenName erhält bereits Vorname (Zeile 1).',
    });
    expect(byRow(2).de).toBe('Fax hat keine Entsprechung in Microsoft 365 und bleibt nur im CRM.');
    for (const problem of problems) expect(problem.message.de).not.toBe(problem.message.en);
  });

  it('accepts an edited mapping: the other address to otherAddress, the IM address left out, phones swapped', () => {
    expect(validateMapping(editedMapping())).toEqual([]);
  });
});

function editedMapping(): ContactMapping {
  return DEFAULT_CONTACT_MAPPING.filter((row) => row.crmField !== 'skypeId').map((row) => {
    if (row.crmField.startsWith('other') && row.graph.property.startsWith('homeAddress.'))
      return { ...row, graph: { property: row.graph.property.replace('homeAddress', 'otherAddress') } };
    if (row.crmField === 'phone') return { ...row, graph: { property: 'businessPhones', position: 1 } };
    if (row.crmField === 'otherPhone') return { ...row, graph: { property: 'businessPhones', position: 0 } };
    return row;
  });
}

describe('crmToGraph', () => {
  it('builds the Graph contact body under the default mapping, clearing what the CRM has empty and always naming the contact', () => {
    expect(crmToGraph(garth, DEFAULT_CONTACT_MAPPING)).toEqual({
      displayName: 'Garth Fort',
      title: 'Mr.',
      givenName: 'Garth',
      surname: 'Fort',
      middleName: null,
      emailAddresses: [
        { name: 'Garth Fort', address: 'garth@contoso.example' },
        { name: 'Garth Fort', address: 'garth.fort@private.example' },
      ],
      businessPhones: ['+1 918 555 0101'],
      mobilePhone: '+1 918 555 0199',
      homePhones: ['+1 918 555 0123'],
      jobTitle: 'Web Marketing Manager',
      department: 'Sales & Marketing',
      companyName: 'Contoso, Inc.',
      assistantName: null,
      birthday: '1974-07-22T00:00:00Z',
      businessAddress: {
        street: '123 Some street',
        city: 'Seattle',
        state: null,
        postalCode: '98121',
        countryOrRegion: 'USA',
      },
      homeAddress: { street: null, city: 'Redmond', state: null, postalCode: null, countryOrRegion: null },
      personalNotes: 'Met at the trade fair.\nLikes golf.',
      businessHomePage: 'https://www.contoso.example',
      imAddresses: ['sip:garth@contoso.example'],
    });
  });

  it('keeps the Graph values the mapping does not cover, and follows an edited mapping', () => {
    const current: GraphContact = {
      homePhones: ['+1 000', '+1 425 555 0100'],
      businessPhones: ['old 1', 'old 2'],
      imAddresses: ['sip:old@contoso.example', 'sip:second@contoso.example'],
      homeAddress: { street: 'Home street 1', city: 'Home town' },
      otherAddress: { street: 'Old street', postalCode: '00000' },
    };
    const body = crmToGraph(
      { ...garth, phone: '', otherPhone: '+49 40 123', otherStreet: 'Jungfernstieg 1' },
      editedMapping(),
      current,
    );
    expect(body.homePhones).toEqual(['+1 918 555 0123', '+1 425 555 0100']);
    expect(body.businessPhones).toEqual(['+49 40 123']);
    expect(body.homeAddress).toBeUndefined();
    expect(body.otherAddress).toEqual({
      street: 'Jungfernstieg 1',
      city: 'Redmond',
      state: null,
      postalCode: null,
      countryOrRegion: null,
    });
    expect(body.imAddresses).toBeUndefined();
  });

  it('moves a value up when the one before it is empty, as Graph lists have no gaps', () => {
    expect(
      crmToGraph(
        { ...garth, email: '', tertiaryEmail: 'third@contoso.example' },
        DEFAULT_CONTACT_MAPPING,
      ).emailAddresses?.map((e) => e.address),
    ).toEqual(['garth.fort@private.example', 'third@contoso.example']);
  });

  it('refuses an invalid mapping rather than guessing', () => {
    expect(() => crmToGraph(garth, [{ crmField: 'fax', graph: { property: 'businessPhones', position: 0 } }])).toThrow(
      /crm_only_field/,
    );
  });
});

describe('graphToCrm', () => {
  // The sample contact of Graph's contact-update page (docs/graph-behaviour.md#contact-properties).
  const sample: GraphContact = {
    birthday: '1974-07-22',
    displayName: 'Garth Fort',
    givenName: 'Garth',
    middleName: null,
    surname: 'Fort',
    title: null,
    emailAddresses: [{ name: 'Garth', address: 'garth@contoso.example' }],
    imAddresses: ['sip:garth@contoso.example'],
    jobTitle: 'Web Marketing Manager',
    companyName: 'Contoso, Inc.',
    department: 'Sales & Marketing',
    businessHomePage: 'https://www.contoso.com',
    homePhones: [],
    mobilePhone: null,
    businessPhones: ['+1 918 555 0101'],
    homeAddress: {},
    businessAddress: {
      street: '123 Some street',
      city: 'Seattle',
      state: 'WA',
      countryOrRegion: 'USA',
      postalCode: '98121',
    },
    otherAddress: {},
    personalNotes: null,
  };

  it('reads a Graph contact into CRM changes under the default mapping, missing values emptying their fields', () => {
    expect(graphToCrm(sample, DEFAULT_CONTACT_MAPPING)).toEqual({
      salutation: '',
      firstName: 'Garth',
      lastName: 'Fort',
      middleName: '',
      email: 'garth@contoso.example',
      secondaryEmail: '',
      tertiaryEmail: '',
      phone: '+1 918 555 0101',
      otherPhone: '',
      mobile: '',
      homePhone: '',
      title: 'Web Marketing Manager',
      department: 'Sales & Marketing',
      accountName: 'Contoso, Inc.',
      dateOfBirth: '1974-07-22',
      mailingStreet: '123 Some street',
      mailingCity: 'Seattle',
      mailingState: 'WA',
      mailingZip: '98121',
      mailingCountry: 'USA',
      otherStreet: '',
      otherCity: '',
      otherState: '',
      otherZip: '',
      otherCountry: '',
      description: '',
      website: 'https://www.contoso.com',
      skypeId: 'sip:garth@contoso.example',
    });
  });

  it('leaves fields alone whose Graph property the contact does not carry, and reads birthdays saved at local midnight', () => {
    expect(graphToCrm({ givenName: 'Garth', birthday: '1974-07-21T22:00:00Z' }, DEFAULT_CONTACT_MAPPING)).toEqual({
      firstName: 'Garth',
      dateOfBirth: '1974-07-22',
    });
    expect(graphToCrm({ birthday: '1974-07-22T05:00:00Z' }, DEFAULT_CONTACT_MAPPING)).toEqual({
      dateOfBirth: '1974-07-22',
    });
    expect(graphToCrm({ birthday: null }, DEFAULT_CONTACT_MAPPING)).toEqual({ dateOfBirth: null });
  });

  it('follows an edited mapping, and a round trip through Graph gives back every mapped field', () => {
    const changes = graphToCrm(
      {
        ...sample,
        businessPhones: ['first', 'second'],
        otherAddress: { city: 'Hamburg' },
        homeAddress: { city: 'Ignored' },
      },
      editedMapping(),
    );
    expect(changes).toMatchObject({ phone: 'second', otherPhone: 'first', otherCity: 'Hamburg' });
    expect(changes).not.toHaveProperty('skypeId');

    const mapped = editedMapping().map((row) => row.crmField as keyof NewContact);
    const full = {
      ...garth,
      otherPhone: '+1 918 555 0102',
      tertiaryEmail: 'third@contoso.example',
      otherStreet: 'Jungfernstieg 1',
    };
    const back = graphToCrm(crmToGraph(full, editedMapping()), editedMapping());
    expect(back).toEqual(Object.fromEntries(mapped.map((field) => [field, full[field]])));
  });
});
