import { describe, expect, it } from 'vitest';
import {
  DEEP_LINK_MAX_AGE_MS,
  deserializeDeepLink,
  parseDeepLink,
  serializeDeepLink,
  urlWithoutDeepLink,
} from './deepLink';

const ID = '0b6d1f8e-3c1a-4a51-9a57-2f5d7f0c9e11';

describe('parseDeepLink', () => {
  it('reads an invitation secret (base64url, percent-decoded)', () => {
    expect(parseDeepLink('?invitation=abc_DEF-123%7E')).toEqual({ kind: 'invitation', token: 'abc_DEF-123~' });
  });

  it('reads an approval link', () => {
    expect(parseDeepLink(`?host=teams&accessRequest=${ID}`)).toEqual({ kind: 'accessRequest', requestId: ID });
  });

  it('passes a forged value on, so the service can say the link is not valid', () => {
    expect(parseDeepLink('?invitation=bogus')).toEqual({ kind: 'invitation', token: 'bogus' });
    expect(parseDeepLink('?accessRequest=123')).toEqual({ kind: 'accessRequest', requestId: '123' });
  });

  it('ignores empty, blank and absurd values', () => {
    expect(parseDeepLink('')).toBeUndefined();
    expect(parseDeepLink('?invitation=')).toBeUndefined();
    expect(parseDeepLink('?invitation=%20%20')).toBeUndefined();
    expect(parseDeepLink(`?invitation=${'x'.repeat(201)}`)).toBeUndefined();
    expect(parseDeepLink('?accessRequest=<script>')).toBeUndefined();
  });

  it('prefers the invitation when both are present', () => {
    expect(parseDeepLink(`?accessRequest=${ID}&invitation=tok`)?.kind).toBe('invitation');
  });
});

describe('urlWithoutDeepLink', () => {
  it('drops only the link parameters and keeps host, locale and hash', () => {
    expect(urlWithoutDeepLink(`https://crm.example/?host=teams&accessRequest=${ID}&locale=de-DE#x`)).toBe(
      '/?host=teams&locale=de-DE#x',
    );
    expect(urlWithoutDeepLink('https://crm.example/taskpane.html?invitation=abc')).toBe('/taskpane.html');
  });

  it('says there is nothing to replace when the URL has no link', () => {
    expect(urlWithoutDeepLink('https://crm.example/?host=outlook')).toBeUndefined();
  });
});

describe('stored links', () => {
  it('round-trips while fresh', () => {
    const link = { kind: 'invitation', token: 'secret' } as const;
    expect(deserializeDeepLink(serializeDeepLink(link, 1000), 1000 + 60_000)).toEqual(link);
  });

  it('forgets stale, future-dated and damaged entries', () => {
    const text = serializeDeepLink({ kind: 'accessRequest', requestId: ID }, 1000);
    expect(deserializeDeepLink(text, 1000 + DEEP_LINK_MAX_AGE_MS + 1)).toBeUndefined();
    expect(deserializeDeepLink(text, 0)).toBeUndefined();
    expect(deserializeDeepLink('{not json', 1000)).toBeUndefined();
    expect(deserializeDeepLink(JSON.stringify({ kind: 'other', savedAt: 1000 }), 1000)).toBeUndefined();
    expect(deserializeDeepLink(null, 1000)).toBeUndefined();
  });
});
