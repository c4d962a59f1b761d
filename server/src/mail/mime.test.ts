import { describe, expect, it } from 'vitest';
import { parseMimeSendMail } from '../../../devtenant/src/graph/mime.js';
import { buildMimeMessage } from './mime.js';

const parse = (message: string) => parseMimeSendMail(Buffer.from(message, 'utf8').toString('base64'));

describe('buildMimeMessage', () => {
  it('carries the text and the HTML alternative, with non-ASCII headers encoded', async () => {
    const message = await buildMimeMessage({
      to: [{ address: 'jonas.weber@fabrikam.onmicrosoft.com', name: 'Jonas Weber' }],
      subject: 'Einladung zu Zoho CRM – bitte prüfen',
      text: 'Hallo Jonas, öffnen Sie https://crm.example/?invitation=abc',
      html: '<p>Hallo Jonas, <a href="https://crm.example/?invitation=abc">öffnen</a></p>',
    });
    expect(message).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    const parsed = parse(message);
    expect(parsed.input.subject).toBe('Einladung zu Zoho CRM – bitte prüfen');
    expect(parsed.textBody).toContain('öffnen Sie https://crm.example/?invitation=abc');
    expect(parsed.input.content).toContain('<a href="https://crm.example/?invitation=abc">öffnen</a>');
    expect(message.split('\r\n').every((line) => line.length <= 998)).toBe(true);
  });

  it.each([
    'Probe <attacker@evil.example>, X',
    'Jürgen <attacker@evil.example>, X',
    'Probe "Boss" <attacker@evil.example>',
    '"Quoted", attacker@evil.example',
    'Müller, Anna (Vertrieb) <attacker@evil.example>; X',
    '=?utf-8?B?PGF0dGFja2VyQGV2aWwuZXhhbXBsZT4sIFg=?=',
    'Back\\slash "<attacker@evil.example>" ,,,',
  ])('keeps the display name %j a name: the parsed To: has exactly the intended recipients', async (name) => {
    const message = await buildMimeMessage({
      to: [
        { address: 'megan.bowen@contoso.onmicrosoft.com', name },
        { address: 'lee.gu@contoso.onmicrosoft.com', name: 'Lee Gu' },
      ],
      subject: 'Invitation',
      text: 'text',
      html: '<p>html</p>',
    });
    expect(parse(message).input.to).toEqual([
      { address: 'megan.bowen@contoso.onmicrosoft.com', name },
      { address: 'lee.gu@contoso.onmicrosoft.com', name: 'Lee Gu' },
    ]);
  });
});
