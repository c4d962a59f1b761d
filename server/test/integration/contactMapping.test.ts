import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTenant } from '../fixtures.js';
import { startStack, type Stack } from '../stack.js';

interface Mapping {
  crmField: string;
  graph: { property: string; position?: number };
}

describe('the contact field mapping (Configuration popup, docs/product-rules.md#r-contact-mapping)', () => {
  let stack: Stack;
  let admin: string;
  beforeAll(async () => {
    stack = await startStack({ runJobs: false });
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
  });
  afterAll(() => stack?.close());

  it('offers the default mapping and only fields the Graph contact supports', async () => {
    const response = await stack.api<{
      mapping: Mapping[];
      isDefault: boolean;
      fields: { field: string }[];
      crmOnlyFields: { field: string; label: string }[];
    }>('/api/sync/contacts/mapping', { token: admin, language: 'de' });
    expect(response.body.isDefault).toBe(true);
    expect(response.body.mapping).toContainEqual({
      crmField: 'email',
      graph: { property: 'emailAddresses', position: 0 },
    });
    expect(response.body.mapping).toContainEqual({ crmField: 'salutation', graph: { property: 'title' } });
    const offered = response.body.fields.map((field) => field.field);
    expect(offered).not.toContain('fax');
    expect(offered).not.toContain('twitter');
    expect(response.body.crmOnlyFields.map((field) => field.field)).toEqual(
      expect.arrayContaining(['fax', 'twitter', 'emailOptOut', 'leadSource']),
    );
  });

  it('saves an edited mapping, and refuses a broken one row by row without changing the saved one', async () => {
    const current = (await stack.api<{ mapping: Mapping[] }>('/api/sync/contacts/mapping', { token: admin })).body
      .mapping;
    const edited = current.map((row) =>
      row.crmField === 'otherCity' ? { crmField: 'otherCity', graph: { property: 'otherAddress.city' } } : row,
    );
    expect(
      (await stack.api('/api/sync/contacts/mapping', { token: admin, method: 'PUT', body: { mapping: edited } }))
        .status,
    ).toBe(200);
    expect(
      (await stack.api<{ mapping: Mapping[]; isDefault: boolean }>('/api/sync/contacts/mapping', { token: admin }))
        .body,
    ).toMatchObject({ isDefault: false, mapping: edited });

    const base = edited.filter((row) => !['secondaryEmail', 'tertiaryEmail', 'dateOfBirth'].includes(row.crmField));
    const broken = [
      ...base,
      { crmField: 'secondaryEmail', graph: { property: 'emailAddresses', position: 0 } },
      { crmField: 'dateOfBirth', graph: { property: 'mobilePhone' } },
      { crmField: 'fax', graph: { property: 'businessPhones', position: 1 } },
      { crmField: 'tertiaryEmail', graph: { property: 'emailAddresses', position: 3 } },
    ];
    const refused = await stack.api<{ error: string; problems: { row: number; code: string; message: string }[] }>(
      '/api/sync/contacts/mapping',
      { token: admin, method: 'PUT', body: { mapping: broken }, language: 'de' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('mapping_invalid');
    const codes = refused.body.problems.map((problem) => problem.code);
    expect(codes).toEqual(
      expect.arrayContaining(['graph_target_taken', 'type_mismatch', 'crm_only_field', 'position_out_of_range']),
    );
    expect(refused.body.problems.every((problem) => problem.row >= base.length && problem.message.length > 0)).toBe(
      true,
    );
    expect(
      (await stack.api<{ mapping: Mapping[] }>('/api/sync/contacts/mapping', { token: admin })).body.mapping,
    ).toEqual(edited);
  });
});
