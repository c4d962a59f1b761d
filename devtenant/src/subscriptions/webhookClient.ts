import { X509Certificate } from 'node:crypto';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';

export interface WebhookTrust {
  /** The local CA: webhook endpoints must present a certificate it issued (or one the system trusts). */
  caCertPem?: string;
  /** Without a CA: also accept exactly this certificate (the local tenant's own localhost certificate). */
  ownCertPem?: string;
}

export class WebhookTimeout extends Error {}

/** POSTs to a webhook over HTTPS with the local trust; resolves with the status and body text. */
export function postWebhook(
  url: string,
  init: { headers: Record<string, string>; body: string; timeoutMs: number },
  trust: WebhookTrust,
): Promise<{ status: number; text: string }> {
  const pinned =
    !trust.caCertPem && trust.ownCertPem ? new X509Certificate(trust.ownCertPem).fingerprint256 : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        // A fresh connection each time: a pooled socket would skip the certificate check below.
        agent: false,
        headers: { ...init.headers, 'content-length': Buffer.byteLength(init.body) },
        ...(trust.caCertPem ? { ca: trust.caCertPem } : pinned ? { rejectUnauthorized: false } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    if (pinned) {
      req.on('socket', (socket) => {
        socket.once('secureConnect', () => {
          const tls = socket as TLSSocket;
          if (tls.authorized) return;
          if (tls.getPeerX509Certificate()?.fingerprint256 !== pinned)
            req.destroy(new Error(`Untrusted certificate: ${String(tls.authorizationError)}`));
        });
      });
    }
    const timer = setTimeout(() => req.destroy(new WebhookTimeout('timed out')), init.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', reject);
    req.end(init.body);
  });
}
