import { createHash, randomBytes } from 'node:crypto';

/** A secret for a link in an e-mail, and the hash under which it is stored; the secret itself is never stored. */
export function newLinkSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashLinkSecret(secret) };
}

export function hashLinkSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
