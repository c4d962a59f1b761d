import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('verifies the right password and rejects a wrong or tampered one', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).not.toContain('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct horsE', hash)).toBe(false);
    // Tamper with the key's first character: the last one of base64 can carry only padding bits.
    const parts = hash.split('$');
    const key = parts.at(-1)!;
    const tampered = [...parts.slice(0, -1), `${key[0] === 'A' ? 'B' : 'A'}${key.slice(1)}`].join('$');
    expect(await verifyPassword('correct horse', tampered)).toBe(false);
    expect(await verifyPassword('correct horse', 'plaintext')).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
});
