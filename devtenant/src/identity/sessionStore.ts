import { randomToken } from '../shared/ids.js';

/** The browser session cookie; Secure + SameSite=None so hidden iframes (prompt=none) send it too. */
export const SESSION_COOKIE = 'devtenant_session';
const SESSION_LIFETIME_MS = 24 * 3600_000;

interface Session {
  userIds: string[];
  expiresAt: number;
}

/** Signed-in browser sessions; one session may hold several accounts, like Entra's account picker shows. */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  userIds(sessionId: string | undefined): string[] {
    if (!sessionId) return [];
    const session = this.sessions.get(sessionId);
    if (!session || session.expiresAt < Date.now()) return [];
    return session.userIds;
  }

  /** Adds a user to the session (creating one when needed) and returns the session id. */
  signIn(sessionId: string | undefined, userId: string): string {
    const existing = sessionId ? this.sessions.get(sessionId) : undefined;
    if (existing && existing.expiresAt >= Date.now()) {
      existing.userIds = [userId, ...existing.userIds.filter((u) => u !== userId)];
      return sessionId!;
    }
    const id = randomToken(32);
    this.sessions.set(id, { userIds: [userId], expiresAt: Date.now() + SESSION_LIFETIME_MS });
    return id;
  }

  signOut(sessionId: string | undefined): void {
    if (sessionId) this.sessions.delete(sessionId);
  }
}

export function sessionCookieHeader(sessionId: string): string {
  return `${SESSION_COOKIE}=${sessionId}; Path=/; Secure; HttpOnly; SameSite=None; Max-Age=${SESSION_LIFETIME_MS / 1000}`;
}

export function clearedSessionCookieHeader(): string {
  return `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=None; Max-Age=0`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}
