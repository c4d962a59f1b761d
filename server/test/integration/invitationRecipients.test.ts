import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installTenant } from '../fixtures.js';
import { inbox } from '../mailboxes.js';
import { startStack, type Stack } from '../stack.js';

const DIEGO = 'diego.siciliani@contoso.onmicrosoft.com';

describe('an invitee display name written to redirect the invitation mail', () => {
  let stack: Stack;
  let admin: string;

  beforeAll(async () => {
    stack = await startStack();
    admin = await installTenant(stack, 'admin@contoso.onmicrosoft.com');
  });
  afterAll(() => stack.close());

  const externalMail = async () => {
    const response = await stack.fetch(`${stack.tenant.url}/_devtenant/api/external-mail`);
    return ((await response.json()) as { value: unknown[] }).value;
  };

  it.each([
    ['megan.bowen@contoso.onmicrosoft.com', `Probe <attacker@evil.example>, X <${DIEGO}>`],
    ['lee.gu@contoso.onmicrosoft.com', `Jürgen "Boss" <${DIEGO}>, Ärger <attacker@evil.example>`],
    ['nestor.wilke@contoso.onmicrosoft.com', `"Quoted", ${DIEGO}; attacker@evil.example`],
  ])('the mail to %s reaches that mailbox alone', async (invitee, name) => {
    const invited = await stack.api<{ outcomes: { result: string }[] }>('/api/invitations', {
      token: admin,
      method: 'POST',
      body: { email: invitee, name },
    });
    expect(invited.body.outcomes.map((outcome) => outcome.result)).toEqual(['invited']);
    const [mail] = await inbox(stack, invitee);
    expect(mail!.toRecipients).toEqual([{ emailAddress: { address: invitee, name } }]);
    expect(await inbox(stack, DIEGO)).toEqual([]);
    expect(await externalMail()).toEqual([]);
  });
});
