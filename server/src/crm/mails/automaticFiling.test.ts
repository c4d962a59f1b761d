import { describe, expect, it } from 'vitest';
import { automaticFilingRefusal } from './automaticFiling.js';
import { boundedBody, MAX_BODY_CHARACTERS, participantAddresses } from './mailMessage.js';

const colleague = (address: string) => address.endsWith('@contoso.example');
const mail = (sensitivity: 'normal' | 'personal' | 'private' | 'confidential', ...others: string[]) => ({
  sensitivity,
  from: { name: 'Megan', address: 'Megan@Contoso.example' },
  to: others.map((address) => ({ name: '', address })),
  cc: [],
});

describe('automatic filing leaves out', () => {
  it.each(['private', 'confidential'] as const)('mail marked %s', (sensitivity) => {
    expect(automaticFilingRefusal(mail(sensitivity, 'garth@northwind.example'), colleague)).toBe('sensitive');
  });

  it('mail between colleagues only, whatever the case of their addresses', () => {
    expect(automaticFilingRefusal(mail('normal', 'LEE@contoso.example'), (a) => colleague(a))).toBe('colleagues_only');
  });

  it('and takes normal and personal mail with someone outside', () => {
    expect(automaticFilingRefusal(mail('normal', 'lee@contoso.example', 'garth@northwind.example'), colleague)).toBe(
      undefined,
    );
    expect(automaticFilingRefusal(mail('personal', 'garth@northwind.example'), colleague)).toBe(undefined);
  });
});

describe('a filed body', () => {
  it('is kept whole up to the limit and cut after it, marked as cut', () => {
    expect(boundedBody('short')).toEqual({ text: 'short', truncated: false });
    const long = boundedBody('x'.repeat(MAX_BODY_CHARACTERS + 1));
    expect(long.text).toHaveLength(MAX_BODY_CHARACTERS);
    expect(long.truncated).toBe(true);
  });

  it('never ends in half a character', () => {
    const text = `${'x'.repeat(MAX_BODY_CHARACTERS - 1)}😀 and more`;
    const cut = boundedBody(text);
    expect(cut.text).toHaveLength(MAX_BODY_CHARACTERS - 1);
    expect(cut.text.endsWith('x')).toBe(true);
  });
});

it('lists each participant once, lower-cased', () => {
  expect(participantAddresses(mail('normal', 'megan@contoso.example', 'Garth@Northwind.example'))).toEqual([
    'megan@contoso.example',
    'garth@northwind.example',
  ]);
});
