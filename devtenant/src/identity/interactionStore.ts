import { randomToken } from '../shared/ids.js';

export type ResponseMode = 'query' | 'fragment' | 'form_post';

/** A validated /authorize request waiting for the person to pick an account and sign in. */
export interface AuthorizeInteraction {
  kind: 'authorize';
  tenantSegment: string;
  clientId: string;
  redirectUri: string;
  isSpa: boolean;
  responseMode: ResponseMode;
  scope: string;
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: string;
  loginHint?: string;
  prompt?: string;
  wantsClientInfo: boolean;
}

/** A validated /adminconsent request. */
export interface AdminConsentInteraction {
  kind: 'adminconsent';
  tenantSegment: string;
  clientId: string;
  redirectUri: string;
  state?: string;
  /** The v2.0 endpoint reports the granted scope in its redirect. */
  scope?: string;
  prompt?: string;
  /** Set once an administrator reached the consent page; the decision is theirs. */
  consentingUserId?: string;
}

export type Interaction = AuthorizeInteraction | AdminConsentInteraction;

const INTERACTION_LIFETIME_MS = 30 * 60_000;

/** Pending sign-in interactions, referenced from the pages by an opaque id. */
export class InteractionStore {
  private readonly pending = new Map<string, { interaction: Interaction; expiresAt: number }>();

  create(interaction: Interaction): string {
    const id = randomToken(24);
    this.pending.set(id, { interaction, expiresAt: Date.now() + INTERACTION_LIFETIME_MS });
    return id;
  }

  get(id: string | undefined): Interaction | undefined {
    if (!id) return undefined;
    const entry = this.pending.get(id);
    if (!entry || entry.expiresAt < Date.now()) return undefined;
    return entry.interaction;
  }

  finish(id: string): void {
    this.pending.delete(id);
  }
}
