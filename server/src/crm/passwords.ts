import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// OWASP's scrypt baseline (N=2^17, r=8, p=1) costs ~128 MiB and ~0.3 s here; 2^15 keeps a login under 100 ms
// while still far from what a GPU attack finds cheap. The parameters travel in the hash so they can be raised later.
const COST = { N: 2 ** 15, r: 8, p: 1 };
const KEY_LENGTH = 32;

/** Hashes a CRM-native password as `scrypt$N$r$p$salt$key` (base64url parts). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEY_LENGTH, { ...COST, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** True when the password matches the stored hash; constant-time in the key comparison. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A well-formed hash at today's cost that no password matches (its salt and key are zeros). Verifying against it
 * when an address has no account, or no password, takes as long as a real check, so timing does not tell them apart.
 */
const UNMATCHABLE_HASH = ['scrypt', COST.N, COST.r, COST.p, 'A'.repeat(22), 'A'.repeat(43)].join('$');

/** verifyPassword for an account that may not exist: the same work either way; false without a stored hash. */
export async function verifyPasswordOrNothing(password: string, stored: string | null | undefined): Promise<boolean> {
  const valid = await verifyPassword(password, stored ?? UNMATCHABLE_HASH);
  return stored ? valid : false;
}
