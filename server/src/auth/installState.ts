import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';

const LIFETIME_MS = 60 * 60 * 1000;

interface InstallState {
  tenantId: string;
  objectId: string;
  expiresAt: number;
}

/**
 * The `state` of an admin-consent round trip: signed, bound to the tenant and the administrator who started it,
 * and short-lived, so a forged or replayed callback cannot mark a tenant as installed.
 */
export function signInstallState(secret: string, tenantId: string, objectId: string, now: Date): string {
  const payload = Buffer.from(
    JSON.stringify({ tenantId, objectId, expiresAt: now.getTime() + LIFETIME_MS } satisfies InstallState),
  ).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

export function verifyInstallState(secret: string, state: string, now: Date): InstallState {
  const [payload, signature] = state.split('.');
  if (!payload || !signature) throw new AppError('install_state_invalid', 'malformed state');
  const expected = Buffer.from(mac(secret, payload));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    throw new AppError('install_state_invalid', 'bad signature');
  const parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as InstallState;
  if (parsed.expiresAt < now.getTime()) throw new AppError('install_state_invalid', 'state expired');
  return parsed;
}

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`install:${payload}`).digest('base64url');
}
