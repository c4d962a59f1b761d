import { X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureLocalCertificates } from './localCertificates.js';

describe('ensureLocalCertificates', () => {
  it('creates a CA and a localhost leaf once, then reuses them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'devtenant-certs-'));
    const first = await ensureLocalCertificates(dir);
    const leaf = new X509Certificate(first.certPem);
    const ca = new X509Certificate(first.caCertPem);
    expect(leaf.checkIssued(ca)).toBe(true);
    expect(leaf.verify(ca.publicKey)).toBe(true);
    expect(leaf.subjectAltName).toContain('DNS:localhost');
    expect(leaf.subjectAltName).toContain('IP Address:127.0.0.1');
    expect(leaf.subjectAltName).toMatch(/IP Address:(::1|0:0:0:0:0:0:0:1)/);
    expect(ca.ca).toBe(true);
    expect(first.certPath.startsWith(dir)).toBe(true);
    const second = await ensureLocalCertificates(dir);
    expect(second.certPem).toBe(first.certPem);
    expect(second.keyPem).toBe(first.keyPem);
  });
});
