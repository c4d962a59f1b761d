import { createHash, createPrivateKey, createPublicKey, X509Certificate, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCertificate, newRsaKeyPem } from '../certs/forgeCertificate.js';

export interface SigningKey {
  kid: string;
  x5t: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  certDerBase64: string;
}

interface StoredSigningKey {
  keyPem: string;
  certPem: string;
}

function fromStored(stored: StoredSigningKey): SigningKey {
  const cert = new X509Certificate(stored.certPem);
  // Entra's kid equals the base64url SHA-1 thumbprint of the signing certificate (x5t).
  const x5t = createHash('sha1').update(cert.raw).digest('base64url');
  const privateKey = createPrivateKey(stored.keyPem);
  return {
    kid: x5t,
    x5t,
    privateKey,
    publicKey: createPublicKey(privateKey),
    certDerBase64: cert.raw.toString('base64'),
  };
}

function newStoredKey(): StoredSigningKey {
  const keyPem = newRsaKeyPem();
  return {
    keyPem,
    certPem: createCertificate({ subjectCommonName: 'devtenant token signing', keyPem, days: 3650, isCa: false }),
  };
}

/** Loads the RSA token signing key from `file`, creating it there when missing; without a file, a fresh key. */
export async function loadSigningKey(file?: string): Promise<SigningKey> {
  if (!file) return fromStored(newStoredKey());
  try {
    return fromStored(JSON.parse(await readFile(file, 'utf8')) as StoredSigningKey);
  } catch {
    const stored = newStoredKey();
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(stored), { mode: 0o600 });
    await rename(tmp, file);
    return fromStored(stored);
  }
}

/** The key set document, as Entra serves it at /discovery/v2.0/keys. */
export function jwksDocument(key: SigningKey, issuerTemplate: string) {
  const jwk = key.publicKey.export({ format: 'jwk' });
  return {
    keys: [
      {
        kty: 'RSA',
        use: 'sig',
        kid: key.kid,
        x5t: key.x5t,
        n: jwk.n,
        e: jwk.e,
        x5c: [key.certDerBase64],
        issuer: issuerTemplate,
      },
    ],
  };
}
