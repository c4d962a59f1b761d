import { describe, expect, it } from 'vitest';
import { MAX_BODY_CHARACTERS } from '../crm/mails/mailMessage.js';
import { mailMessageOf, type GraphMessage } from './messageMapping.js';

// Shaped like the "Get message" page's text-format response sample.
const graphMessage: GraphMessage = {
  id: 'AAMkAGI1AAAoZCfHAAA=',
  internetMessageId: '<MWHPR1301MB2090@MWHPR1301MB2090.namprd13.prod.outlook.com>',
  conversationId: 'AAQkAGI1AAAQBx0lLCm4DdUuFmn7SQC4Y=',
  subject: 'Welcome',
  from: { emailAddress: { name: 'MOD Administrator', address: 'admin@contoso.onmicrosoft.com' } },
  toRecipients: [{ emailAddress: { name: 'Alex Wilber', address: 'AlexW@contoso.onmicrosoft.com' } }],
  ccRecipients: [],
  sentDateTime: '2026-11-30T08:15:00Z',
  body: { contentType: 'text', content: 'Hi Alex,\r\nwelcome aboard.' },
  sensitivity: 'Normal',
  hasAttachments: true,
};

describe('a Graph message as the CRM files it', () => {
  it('takes the header, the text body and attachment names and sizes', () => {
    expect(
      mailMessageOf(graphMessage, [{ name: 'plan.docx', size: 23_456, contentType: 'application/msword' }]),
    ).toEqual({
      internetMessageId: '<MWHPR1301MB2090@MWHPR1301MB2090.namprd13.prod.outlook.com>',
      conversationId: 'AAQkAGI1AAAQBx0lLCm4DdUuFmn7SQC4Y=',
      subject: 'Welcome',
      from: { name: 'MOD Administrator', address: 'admin@contoso.onmicrosoft.com' },
      to: [{ name: 'Alex Wilber', address: 'AlexW@contoso.onmicrosoft.com' }],
      cc: [],
      sentAt: '2026-11-30T08:15:00.000Z',
      bodyText: 'Hi Alex,\r\nwelcome aboard.',
      bodyTruncated: false,
      attachments: [{ name: 'plan.docx', size: 23_456, contentType: 'application/msword' }],
      sensitivity: 'normal',
    });
  });

  it('makes text storable, bounds the body, and takes the sender when there is no from', () => {
    const mapped = mailMessageOf(
      {
        ...graphMessage,
        from: null,
        sender: { emailAddress: { address: 'shared@contoso.onmicrosoft.com' } },
        subject: 'a\u0000b\ud800',
        body: { contentType: 'text', content: 'y'.repeat(MAX_BODY_CHARACTERS + 10) },
        sensitivity: 'confidential',
        toRecipients: [{ emailAddress: { address: '' } }, { emailAddress: null }],
      },
      [],
    )!;
    expect(mapped.from).toEqual({ name: '', address: 'shared@contoso.onmicrosoft.com' });
    expect(mapped.subject).toBe('ab\ufffd');
    expect(mapped.bodyText).toHaveLength(MAX_BODY_CHARACTERS);
    expect(mapped.bodyTruncated).toBe(true);
    expect(mapped.to).toEqual([]);
    expect(mapped.sensitivity).toBe('confidential');
  });

  it('files no markup when the text preference was ignored, and no draft (no internet message id)', () => {
    expect(mailMessageOf({ ...graphMessage, body: { contentType: 'html', content: '<p>x</p>' } }, [])?.bodyText).toBe(
      '',
    );
    expect(mailMessageOf({ ...graphMessage, internetMessageId: null }, [])).toBeUndefined();
  });
});
