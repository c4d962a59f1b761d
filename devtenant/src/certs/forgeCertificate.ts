import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

export interface KeyAndCert {
  keyPem: string;
  certPem: string;
}

/** An RSA key made by node's crypto: node-forge's pure JS key generation takes seconds. */
export function newRsaKeyPem(): string {
  return generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
}

export interface CertificateRequest {
  subjectCommonName: string;
  keyPem: string;
  days: number;
  isCa: boolean;
  issuer?: KeyAndCert;
  dnsNames?: string[];
  ipAddresses?: string[];
}

/** Signs an X.509 certificate with node-forge (self-signed when no issuer is given). */
export function createCertificate(request: CertificateRequest): string {
  const key = forge.pki.privateKeyFromPem(request.keyPem);
  const publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  // DER wants a positive serial without a leading zero byte: high bit clear, first byte non-zero.
  const serial = randomBytes(16);
  serial[0] = 0x40 | (serial[0]! & 0x3f);
  cert.serialNumber = serial.toString('hex');
  const now = new Date();
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + request.days * 86_400_000);
  const subject = [
    { name: 'commonName', value: request.subjectCommonName },
    { name: 'organizationName', value: 'devtenant (local development only)' },
  ];
  cert.setSubject(subject);
  const issuerCert = request.issuer ? forge.pki.certificateFromPem(request.issuer.certPem) : undefined;
  cert.setIssuer(issuerCert ? issuerCert.subject.attributes : subject);
  const extensions: object[] = request.isCa
    ? [
        { name: 'basicConstraints', cA: true, critical: true },
        { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
        { name: 'subjectKeyIdentifier' },
      ]
    : [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            ...(request.dnsNames ?? []).map((value) => ({ type: 2, value })),
            ...(request.ipAddresses ?? []).map((ip) => ({ type: 7, ip })),
          ],
        },
        { name: 'subjectKeyIdentifier' },
      ];
  if (issuerCert) {
    extensions.push({
      name: 'authorityKeyIdentifier',
      keyIdentifier: issuerCert.generateSubjectKeyIdentifier().getBytes(),
    });
  }
  cert.setExtensions(extensions);
  const signingKey = request.issuer ? forge.pki.privateKeyFromPem(request.issuer.keyPem) : key;
  cert.sign(signingKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}
