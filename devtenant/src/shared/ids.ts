import { randomBytes, randomUUID } from 'node:crypto';

export function newGuid(): string {
  return randomUUID();
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
