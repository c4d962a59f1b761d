import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCertificate, newRsaKeyPem } from './forgeCertificate.js';

export interface LocalCertificates {
  caCertPem: string;
  certPem: string;
  keyPem: string;
  caCertPath: string;
  certPath: string;
  keyPath: string;
}

/** Regenerate a week before expiry so a long-running dev setup never meets an expired certificate. */
const RENEW_BEFORE_MS = 7 * 86_400_000;
const CA_DAYS = 3650;
// Browsers reject leaf certificates valid longer than 398 days.
const LEAF_DAYS = 397;

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

function stillValid(certPem: string | undefined, now: number): boolean {
  if (!certPem) return false;
  try {
    const cert = new X509Certificate(certPem);
    return new Date(cert.validTo).getTime() - now > RENEW_BEFORE_MS && new Date(cert.validFrom).getTime() <= now;
  } catch {
    return false;
  }
}

function leafMatches(leafPem: string, caPem: string, keyPem: string | undefined): boolean {
  if (!keyPem) return false;
  try {
    const leaf = new X509Certificate(leafPem);
    return leaf.checkIssued(new X509Certificate(caPem)) && leaf.checkPrivateKey(createPrivateKey(keyPem));
  } catch {
    return false;
  }
}

async function writeAtomic(file: string, content: string, mode: number): Promise<void> {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, content, { mode });
  await rename(tmp, file);
}

/**
 * Creates (once) a local CA and a localhost leaf certificate under `dir` and reuses them while valid.
 * Pure node: no prompt, no root, nothing installed in a system trust store.
 */
export async function ensureLocalCertificates(dir: string): Promise<LocalCertificates> {
  await mkdir(dir, { recursive: true });
  const caCertPath = path.join(dir, 'devtenant-ca.pem');
  const caKeyPath = path.join(dir, 'devtenant-ca-key.pem');
  const certPath = path.join(dir, 'localhost.pem');
  const keyPath = path.join(dir, 'localhost-key.pem');
  const now = Date.now();

  let caCertPem = await readIfPresent(caCertPath);
  let caKeyPem = await readIfPresent(caKeyPath);
  let caRenewed = false;
  if (!stillValid(caCertPem, now) || !caKeyPem) {
    caKeyPem = newRsaKeyPem();
    caCertPem = createCertificate({
      subjectCommonName: 'devtenant local CA',
      keyPem: caKeyPem,
      days: CA_DAYS,
      isCa: true,
    });
    await writeAtomic(caKeyPath, caKeyPem, 0o600);
    await writeAtomic(caCertPath, caCertPem, 0o644);
    caRenewed = true;
  }

  let certPem = await readIfPresent(certPath);
  let keyPem = await readIfPresent(keyPath);
  if (caRenewed || !stillValid(certPem, now) || !certPem || !leafMatches(certPem, caCertPem!, keyPem)) {
    keyPem = newRsaKeyPem();
    certPem = createCertificate({
      subjectCommonName: 'localhost',
      keyPem,
      days: LEAF_DAYS,
      isCa: false,
      issuer: { keyPem: caKeyPem, certPem: caCertPem! },
      dnsNames: ['localhost'],
      ipAddresses: ['127.0.0.1', '::1'],
    });
    await writeAtomic(keyPath, keyPem, 0o600);
    await writeAtomic(certPath, certPem, 0o644);
  }
  return { caCertPem: caCertPem!, certPem: certPem, keyPem: keyPem!, caCertPath, certPath, keyPath };
}
