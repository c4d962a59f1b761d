import { describe, expect, it } from 'vitest';
import type { DirectoryUser, Invitation } from '../api/types';
import {
  countOutcomes,
  filterDirectoryUsers,
  formatDate,
  invitationActions,
  invitationBadge,
  isValidEmail,
  pendingRequests,
  sortInvitations,
} from './model';

const person = (name: string, email: string, jobTitle: string | null = null): DirectoryUser => ({
  id: email,
  name,
  email,
  jobTitle,
  invited: false,
});
const people = [
  person('Adele Vance', 'adelev@contoso.com', 'Retail Manager'),
  person('Jonas Müller', 'jonas@contoso.de', 'Vertrieb'),
  person('José Álvarez', 'jose@contoso.com'),
];

describe('filterDirectoryUsers', () => {
  it('keeps everyone for an empty query', () => {
    expect(filterDirectoryUsers(people, '  ')).toHaveLength(3);
  });
  it('matches name, e-mail and job title, case and accent insensitive', () => {
    expect(filterDirectoryUsers(people, 'ADELE').map((p) => p.name)).toEqual(['Adele Vance']);
    expect(filterDirectoryUsers(people, 'muller').map((p) => p.name)).toEqual(['Jonas Müller']);
    expect(filterDirectoryUsers(people, 'jose').map((p) => p.name)).toEqual(['José Álvarez']);
    expect(filterDirectoryUsers(people, 'retail').map((p) => p.name)).toEqual(['Adele Vance']);
    expect(filterDirectoryUsers(people, 'contoso.de').map((p) => p.name)).toEqual(['Jonas Müller']);
  });
  it('needs every word', () => {
    expect(filterDirectoryUsers(people, 'jonas vertrieb')).toHaveLength(1);
    expect(filterDirectoryUsers(people, 'jonas retail')).toHaveLength(0);
  });
});

describe('isValidEmail', () => {
  it.each(['a@b.co', ' megan@contoso.onmicrosoft.com ', 'first.last+tag@sub.example.de'])('accepts %s', (v) =>
    expect(isValidEmail(v)).toBe(true),
  );
  it.each(['', 'megan', 'megan@', '@contoso.com', 'megan@contoso', 'a b@c.de', 'a@b..de', 'a@@b.de'])(
    'rejects %s',
    (v) => expect(isValidEmail(v)).toBe(false),
  );
});

const invitation = (over: Partial<Invitation>): Invitation => ({
  id: 'i',
  email: 'x@contoso.com',
  name: null,
  source: 'email',
  state: 'pending',
  mailSent: true,
  expiresAt: '2030-01-01T00:00:00Z',
  createdAt: '2025-01-01T00:00:00Z',
  ...over,
});

describe('invitations', () => {
  it('calls a pending invitation whose mail failed "not sent"', () => {
    expect(invitationBadge(invitation({ mailSent: false }))).toBe('not_sent');
    expect(invitationBadge(invitation({}))).toBe('pending');
    expect(invitationBadge(invitation({ state: 'revoked', mailSent: false }))).toBe('revoked');
  });
  it('offers resend for open and expired, revoke only for open', () => {
    expect(invitationActions({ state: 'pending' })).toEqual({ resend: true, revoke: true });
    expect(invitationActions({ state: 'expired' })).toEqual({ resend: true, revoke: false });
    expect(invitationActions({ state: 'accepted' })).toEqual({ resend: false, revoke: false });
    expect(invitationActions({ state: 'revoked' })).toEqual({ resend: false, revoke: false });
  });
  it('sorts open first, newest first', () => {
    const sorted = sortInvitations([
      invitation({ id: 'old-accepted', state: 'accepted', createdAt: '2025-01-01' }),
      invitation({ id: 'old-open', createdAt: '2025-01-02' }),
      invitation({ id: 'new-open', createdAt: '2025-02-01' }),
      invitation({ id: 'expired', state: 'expired' }),
    ]);
    expect(sorted.map((i) => i.id)).toEqual(['new-open', 'old-open', 'expired', 'old-accepted']);
  });
});

describe('pendingRequests', () => {
  it('keeps open ones, oldest first', () => {
    const base = { name: 'n', email: 'e', decidedAt: null };
    const result = pendingRequests([
      { ...base, id: 'b', status: 'pending', createdAt: '2025-02-01' },
      { ...base, id: 'x', status: 'declined', createdAt: '2025-01-01' },
      { ...base, id: 'a', status: 'pending', createdAt: '2025-01-15' },
    ]);
    expect(result.map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('countOutcomes / formatDate', () => {
  it('counts each result', () => {
    expect(countOutcomes(['invited', 'invited', 'mail_failed'])).toEqual({ invited: 2, mail_failed: 1 });
  });
  it('formats per language and tolerates junk', () => {
    expect(formatDate('2025-03-12T10:00:00Z', 'de')).toBe('12.03.2025');
    expect(formatDate('2025-03-12T10:00:00Z', 'en')).toBe('12 Mar 2025');
    expect(formatDate('soon', 'en')).toBe('soon');
    expect(formatDate(null, 'en')).toBe('');
  });
});
