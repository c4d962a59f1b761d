import { beforeAll, describe, expect, it } from 'vitest';
import { loadMessages, translator } from '../i18n/translate';
import { limitState } from './fieldLimit';

describe('a field at its length limit', () => {
  beforeAll(() => Promise.all([loadMessages('en'), loadMessages('de')]));

  it('says nothing below the limit', () => {
    expect(limitState('a'.repeat(79), 80, 'Last name', translator('en'), 'en')).toEqual({});
  });

  it('names the field and its limit in the pane’s language once reached', () => {
    expect(limitState('a'.repeat(80), 80, 'Last name', translator('en'), 'en').validationMessage).toBe(
      'Last name can be at most 80 characters long.',
    );
    expect(limitState('a'.repeat(32_000), 32_000, 'Beschreibung', translator('de'), 'de').validationMessage).toBe(
      'Beschreibung darf höchstens 32.000 Zeichen lang sein.',
    );
  });
});
