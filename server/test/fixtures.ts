import { FormBrowser } from './formBrowser.js';
import type { Stack } from './stack.js';

/** The administrator installs the app (admin consent through the local tenant's pages) and creates the organisation. */
export async function installTenant(stack: Stack, adminUpn: string): Promise<string> {
  const admin = await stack.tokenFor(adminUpn);
  const { installUrl } = (await stack.api('/api/me', { token: admin })).body as { installUrl: string };
  const browser = new FormBrowser(stack.fetch);
  await (await (await browser.open(installUrl)).submit('login', adminUpn)).submit('passwd', stack.tenant.password);
  await browser.submit('decision', 'accept');
  const created = await stack.api('/api/organisations', { token: admin, method: 'POST', body: { acceptTerms: true } });
  if (created.status !== 201) throw new Error(`could not create the organisation: ${JSON.stringify(created.body)}`);
  return admin;
}

/** A colleague joins through an invitation by e-mail address and returns their API token. */
export async function joinByInvitation(stack: Stack, adminToken: string, upn: string): Promise<string> {
  await stack.api('/api/invitations', { token: adminToken, method: 'POST', body: { email: upn } });
  const token = await stack.tokenFor(upn);
  const accepted = await stack.api('/api/invitations/accept', { token, method: 'POST', body: { acceptTerms: true } });
  if (accepted.body.state !== 'member') throw new Error(`${upn} could not join: ${JSON.stringify(accepted.body)}`);
  return token;
}

/** Polls until `check` returns a value that is not undefined, or fails after `timeoutMs` with the last reason. */
export async function eventually<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}${last ? `: ${last instanceof Error ? last.message : JSON.stringify(last)}` : ''}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
