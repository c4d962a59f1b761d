import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { decodeJwt, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/**
 * Re-signs a token the local tenant issued, with chosen claims changed, so that each validation rule can be
 * tested alone. With the tenant's real key (read from its key file) only the changed claim can make it fail.
 */
export class TokenForge {
  private readonly key;
  private readonly kid: string;

  constructor(signingKeyFile: string) {
    const stored = JSON.parse(readFileSync(signingKeyFile, 'utf8')) as { keyPem: string; certPem: string };
    this.key = createPrivateKey(stored.keyPem);
    this.kid = createHash('sha1').update(new X509Certificate(stored.certPem).raw).digest('base64url');
  }

  async resign(token: string, changes: JWTPayload, options: { kid?: string } = {}): Promise<string> {
    const claims = { ...decodeJwt(token), ...changes };
    for (const [name, value] of Object.entries(changes)) if (value === undefined) delete claims[name];
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: options.kid ?? this.kid })
      .sign(this.key);
  }

  /** The same claims signed by a key nobody published. */
  static async signedByUnknownKey(token: string): Promise<string> {
    const { privateKey } = await generateKeyPair('RS256');
    return new SignJWT(decodeJwt(token))
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: 'unknown-key' })
      .sign(privateKey);
  }

  /** The claims with `alg: none` and no signature. */
  static unsigned(token: string): string {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    return `${header}.${token.split('.')[1]}.`;
  }
}
