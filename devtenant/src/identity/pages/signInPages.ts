import type { AppRegistration } from '../../directory/appRegistration.js';
import type { DirectoryUser } from '../../directory/directory.js';
import { html, SafeHtml } from '../../shared/html.js';
import { page } from './layout.js';

function hidden(interactionId: string): SafeHtml {
  return html`<input type="hidden" name="interaction" value="${interactionId}" />`;
}

/** "Pick an account": one button per account; each button's accessible name is the account's e-mail. */
export function pickAccountPage(p: {
  action: string;
  interactionId: string;
  users: DirectoryUser[];
  signedInIds: string[];
  appName: string;
  notice?: string;
}): string {
  const buttons = p.users.map(
    (u) =>
      html`<li>
        <button
          class="account"
          type="submit"
          name="login"
          value="${u.userPrincipalName}"
          aria-label="${u.userPrincipalName}"
        >
          <span>${u.displayName}</span
          ><small>${u.userPrincipalName}${p.signedInIds.includes(u.id) ? ' · Signed in' : ''}</small>
        </button>
      </li>`,
  );
  return page(
    'Sign in to your account',
    html`<h1>Pick an account</h1>
      <p>to continue to ${p.appName}</p>
      ${p.notice ? html`<p class="error" role="alert">${p.notice}</p>` : ''}
      <form method="post" action="${p.action}">
        ${hidden(p.interactionId)}
        <ul style="list-style:none;padding:0;margin:0">
          ${buttons}
        </ul>
      </form>
      <form method="post" action="${p.action}">
        ${hidden(p.interactionId)}
        <label for="other">Use another account</label>
        <input id="other" type="email" name="login" autocomplete="username" placeholder="Email, phone, or Skype" />
        <div class="actions"><button class="secondary" type="submit">Next</button></div>
      </form>`,
  );
}

/** The password page: an input labelled "Password" and a "Sign in" button; a wrong password shows Entra's message. */
export function passwordPage(p: {
  action: string;
  interactionId: string;
  user: DirectoryUser;
  error?: boolean;
}): string {
  return page(
    'Sign in to your account',
    html`<p>${p.user.userPrincipalName}</p>
      <h1>Enter password</h1>
      ${
        p.error
          ? html`<p class="error" role="alert" id="passwordError">
              Your account or password is incorrect. If you don't remember your password, reset it now.<br /><span
                class="code"
                >AADSTS50126: Error validating credentials due to invalid username or password.</span
              >
            </p>`
          : ''
      }
      <form method="post" action="${p.action}">
        ${hidden(p.interactionId)}
        <input type="hidden" name="login" value="${p.user.userPrincipalName}" />
        <label for="passwd">Password</label>
        <input
          id="passwd"
          name="passwd"
          type="password"
          autocomplete="current-password"
          autofocus
          required${p.error ? new SafeHtml(' aria-invalid="true" aria-describedby="passwordError"') : ''}
        />
        <div class="actions"><button class="primary" type="submit">Sign in</button></div>
      </form>
      <form method="post" action="${p.action}">
        ${hidden(p.interactionId)}<input type="hidden" name="picker" value="1" />
        <button class="secondary" type="submit" style="border:0;padding:0;color:#0067b8;background:none;min-width:0">
          Sign in with another account
        </button>
      </form>`,
  );
}

/** Admin consent: the app's name, the Graph permissions, Accept and Cancel. */
export function adminConsentPage(p: {
  action: string;
  interactionId: string;
  app: AppRegistration;
  user: DirectoryUser;
  tenantName: string;
}): string {
  const delegated = p.app.graphDelegatedPermissions.map((x) => html`<li>${x} <small>(delegated)</small></li>`);
  const application = p.app.graphApplicationPermissions.map((x) => html`<li>${x} <small>(application)</small></li>`);
  return page(
    'Permissions requested',
    html`<p>${p.user.userPrincipalName}</p>
      <h1>Permissions requested</h1>
      <p><strong>${p.app.displayName}</strong> wants to access Microsoft Graph in ${p.tenantName}.</p>
      <h2 style="font-size:15px">This app would like to:</h2>
      <ul class="perms">
        ${delegated}${application}
      </ul>
      <p>Accepting grants these permissions for all users in your organization. No one else will be prompted.</p>
      <form method="post" action="${p.action}">
        ${hidden(p.interactionId)}
        <div class="actions">
          <button class="secondary" type="submit" name="decision" value="cancel">Cancel</button>
          <button class="primary" type="submit" name="decision" value="accept">Accept</button>
        </div>
      </form>`,
  );
}

/** What a user sees when the app needs permissions only an administrator can grant. */
export function needAdminApprovalPage(p: {
  app: AppRegistration;
  user: DirectoryUser;
  action: string;
  interactionId: string;
  reason: 'not-admin' | 'consent';
}): string {
  return page(
    'Need admin approval',
    html`<p>${p.user.userPrincipalName}</p>
      <h1>Need admin approval</h1>
      <p>
        <strong>${p.app.displayName}</strong> needs permission to access resources in your organization that only an
        admin can grant.
        ${p.reason === 'not-admin' ? 'Please sign in with a Global Administrator account of this organization to grant consent.' : 'Please ask an admin to grant permission to this app before you can use it.'}
      </p>
      <p class="code">AADSTS90094: Admin consent is required for the permissions requested by this application.</p>
      <form method="post" action="${p.action}">
        ${hidden(p.interactionId)}<input type="hidden" name="picker" value="1" />
        <div class="actions"><button class="secondary" type="submit">Sign in with another account</button></div>
      </form>`,
  );
}

/** An error the sign-in service shows itself instead of redirecting (bad client or redirect URI). */
export function errorPage(p: { code: number; message: string }): string {
  return page(
    'Sign in error',
    html`<h1>Sorry, but we’re having trouble signing you in.</h1>
      <p role="alert" class="code">AADSTS${p.code}: ${p.message}</p>`,
  );
}

/** response_mode=form_post: posts the response to the redirect URI from the browser. */
export function formPostPage(redirectUri: string, params: Record<string, string>): string {
  const fields = Object.entries(params).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`);
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Working...</title>
      </head>
      <body onload="document.forms[0].submit()">
        <form method="post" action="${redirectUri}">
          ${fields}
          <noscript
            ><p>Script is disabled. Click Submit to continue.</p>
            <button type="submit">Submit</button></noscript
          >
        </form>
      </body>
    </html>`.value;
}

export function signedOutPage(): string {
  return page(
    'Signed out',
    html`<h1>You signed out of your account</h1>
      <p>It's a good idea to close all browser windows.</p>`,
  );
}
