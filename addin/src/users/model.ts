import type { AccessRequest, DirectoryUser, Invitation, InviteResult } from '../api/types';
import type { Language } from '../host/language';

/** Lower case without accents, so "müller" finds "Mueller"'s neighbour "Müller" and "jose" finds "José". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The Add Users search: every word of the query must appear in the name, e-mail or job title. */
export function filterDirectoryUsers(users: readonly DirectoryUser[], query: string): DirectoryUser[] {
  const words = fold(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return [...users];
  return users.filter((user) => {
    const haystack = fold(`${user.name} ${user.email} ${user.jobTitle ?? ''}`);
    return words.every((word) => haystack.includes(word));
  });
}

/** A plausible e-mail address: the service checks it properly; this only catches typing slips early. */
export function isValidEmail(text: string): boolean {
  const value = text.trim();
  return value.length <= 320 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}

/** What an invitation's badge says: a pending invitation whose mail did not go out is "not sent". */
export type InvitationBadge = 'pending' | 'not_sent' | 'expired' | 'accepted' | 'revoked';

export function invitationBadge(invitation: Pick<Invitation, 'state' | 'mailSent'>): InvitationBadge {
  return invitation.state === 'pending' && !invitation.mailSent ? 'not_sent' : invitation.state;
}

/** Resend makes sense for an invitation that is still open or ran out; revoke only for an open one. */
export function invitationActions(invitation: Pick<Invitation, 'state'>): { resend: boolean; revoke: boolean } {
  return {
    resend: invitation.state === 'pending' || invitation.state === 'expired',
    revoke: invitation.state === 'pending',
  };
}

/** Open invitations first (newest first), then the settled ones. */
export function sortInvitations(invitations: readonly Invitation[]): Invitation[] {
  const rank = (i: Invitation) => (i.state === 'pending' ? 0 : i.state === 'expired' ? 1 : 2);
  return [...invitations].sort((a, b) => rank(a) - rank(b) || b.createdAt.localeCompare(a.createdAt));
}

/** The requests still waiting for a decision, oldest first (the one waiting longest is answered first). */
export function pendingRequests(requests: readonly AccessRequest[]): AccessRequest[] {
  return requests.filter((r) => r.status === 'pending').sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Outcomes that did what the admin asked; the rest are shown as warnings. */
export function isSuccess(result: InviteResult): boolean {
  return result === 'invited';
}

/** How many of each outcome, for the summary line. */
export function countOutcomes(results: readonly InviteResult[]): Partial<Record<InviteResult, number>> {
  const counts: Partial<Record<InviteResult, number>> = {};
  for (const result of results) counts[result] = (counts[result] ?? 0) + 1;
  return counts;
}

/** A date as the user reads it (12 Mar 2025 / 12.03.2025); the raw text when it is not a date. */
export function formatDate(iso: string | null | undefined, language: Language, withTime = false): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}
