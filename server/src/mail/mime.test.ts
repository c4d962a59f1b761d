import { describe, expect, it } from 'vitest';
import { buildMimeMessage } from './mime.js';

function decodedParts(message: string): Record<string, string> {
  const boundary = /boundary="([^"]+)"/.exec(message)![1]!;
  const parts = message.split(`--${boundary}`).slice(1, -1);
  return Object.fromEntries(
    parts.map((part) => {
      const [head, body] = part.split('\r\n\r\n');
      const type = /Content-Type: ([^;]+)/.exec(head!)![1]!;
      return [type, Buffer.from(body!.replace(/\r\n/g, ''), 'base64').toString('utf8')];
    }),
  );
}

describe('buildMimeMessage', () => {
  it('carries the text and the HTML alternative, with non-ASCII headers encoded', () => {
    const message = buildMimeMessage({
      to: [{ address: 'jonas.weber@fabrikam.onmicrosoft.com', name: 'Jonas Weber' }],
      subject: 'Einladung zu Zoho CRM – bitte prüfen',
      text: 'Hallo Jonas, öffnen Sie https://crm.example/?invitation=abc',
      html: '<p>Hallo Jonas, <a href="https://crm.example/?invitation=abc">öffnen</a></p>',
    });
    expect(message).toContain('To: Jonas Weber <jonas.weber@fabrikam.onmicrosoft.com>');
    expect(message).toMatch(/Subject: =\?utf-8\?B\?[A-Za-z0-9+/=]+\?=/);
    const parts = decodedParts(message);
    expect(parts['text/plain']).toContain('öffnen Sie https://crm.example/?invitation=abc');
    expect(parts['text/html']).toContain('<a href="https://crm.example/?invitation=abc">öffnen</a>');
    expect(message.split('\r\n').every((line) => line.length <= 998)).toBe(true);
  });
});
