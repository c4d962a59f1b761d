import type { Tenant } from '../directory/directory.js';
import type { StoredMessage } from '../state/mailboxStore.js';
import type { ConsentGrant } from '../state/consentStore.js';
import { html, SafeHtml } from '../shared/html.js';

const STYLE = `
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;color:#242424;background:#faf9f8}
header{background:#0f6cbd;color:#fff;padding:10px 24px}header a{color:#fff}
main{padding:16px 24px;max-width:1100px}
table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:6px 10px;border-bottom:1px solid #e0e0e0}
th{background:#f0f0f0}
nav.tabs a{display:inline-block;padding:6px 14px;margin-right:4px;border:1px solid #d1d1d1;border-bottom:0;background:#fff;text-decoration:none}
nav.tabs a[aria-current=page]{background:#0f6cbd;color:#fff}
.unread td{font-weight:600}
.meta{color:#616161}
form.event{background:#fff;border:1px solid #d1d1d1;padding:12px;margin:12px 0}form.event label{display:block;margin-top:8px}form.inline{display:inline}
.error{color:#b10e1c;font-weight:600}
iframe{width:100%;min-height:60vh;border:1px solid #d1d1d1;background:#fff}
pre.text{white-space:pre-wrap;background:#fff;border:1px solid #d1d1d1;padding:12px;font-family:inherit}
`;

export function layout(title: string, body: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width,initial-scale=1" />
        <title>${title} · devtenant</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <header><a href="/">devtenant</a> — local Microsoft 365 (Entra ID + Graph) for development</header>
        <main>${body}</main>
      </body>
    </html>`.value;
}

export function mailboxHref(upn: string): string {
  return `/mail/${encodeURIComponent(upn)}`;
}

export function homePage(p: {
  tenants: Tenant[];
  consents: ConsentGrant[];
  password: string;
  externalCount: number;
}): string {
  const tenants = p.tenants.map(
    (t) =>
      html`<section aria-labelledby="t-${t.id}">
        <h2 id="t-${t.id}">${t.displayName} <small class="meta">${t.domain} · ${t.id}</small></h2>
        <table>
          <caption class="meta" style="text-align:left">
            People in ${t.displayName}
          </caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Account</th>
              <th scope="col">Job title</th>
              <th scope="col">Language</th>
              <th scope="col">Role</th>
              <th scope="col">Mailbox</th>
            </tr>
          </thead>
          <tbody>
            ${t.users.map(
              (u) =>
                html`<tr>
                  <td>${u.displayName}</td>
                  <td>${u.userPrincipalName}</td>
                  <td>${u.jobTitle ?? ''}</td>
                  <td>${u.preferredLanguage}</td>
                  <td>${u.isGlobalAdmin ? 'Global Administrator' : 'User'}</td>
                  <td><a href="${mailboxHref(u.userPrincipalName)}">Mailbox of ${u.displayName}</a></td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>`,
  );
  const consents =
    p.consents.length === 0
      ? html`<p>No admin consent yet.</p>`
      : html`<ul>
          ${p.consents.map((c) => html`<li>${c.clientId} in ${c.tenantId}, by ${c.grantedBy} at ${c.grantedAt}</li>`)}
        </ul>`;
  return layout(
    'Tenants',
    html`<h1>Local tenants</h1>
      <p>Every account signs in with the password <code>${p.password}</code>.</p>
      ${tenants}
      <h2>Mail to other addresses</h2>
      <p><a href="/mail/external">External mail (${p.externalCount})</a></p>
      <h2>Admin consents</h2>
      ${consents}`,
  );
}

export function mailListPage(p: {
  title: string;
  owner: string;
  baseHref: string;
  folder: 'inbox' | 'sentitems' | 'external';
  messages: StoredMessage[];
  /** A form to send from this mailbox (or, for external mail, to receive from outside). */
  compose?: SafeHtml;
}): string {
  const tabs =
    p.folder === 'external'
      ? html``
      : html`<nav class="tabs" aria-label="Folders">
          <a href="${p.baseHref}" ${p.folder === 'inbox' ? new SafeHtml('aria-current="page"') : ''}>Inbox</a
          ><a
            href="${p.baseHref}?folder=sentitems"
            ${p.folder === 'sentitems' ? new SafeHtml('aria-current="page"') : ''}
            >Sent Items</a
          ><a href="${p.baseHref}/calendar">Calendar</a><a href="${p.baseHref}/contacts">Contacts</a>
        </nav>`;
  const sentItems = p.folder === 'sentitems';
  const rows = p.messages.map(
    (m) =>
      html`<tr class="${m.isRead ? '' : 'unread'}">
        <td>
          ${sentItems || p.folder === 'external' ? m.toRecipients.map((r) => r.emailAddress.address).join(', ') : `${m.from.emailAddress.name ?? ''} <${m.from.emailAddress.address}>`}
        </td>
        <td><a href="${p.baseHref}/${encodeURIComponent(m.id)}">${m.subject || '(no subject)'}</a></td>
        <td>
          <time datetime="${m.receivedDateTime}">${m.receivedDateTime.replace('T', ' ').replace('Z', ' UTC')}</time>
        </td>
      </tr>`,
  );
  return layout(
    p.title,
    html`<h1>${p.title}</h1>
      <p class="meta">${p.owner}</p>
      ${tabs}
      <table>
        <thead>
          <tr>
            <th scope="col">${sentItems || p.folder === 'external' ? 'To' : 'From'}</th>
            <th scope="col">Subject</th>
            <th scope="col">${sentItems ? 'Sent' : 'Received'}</th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length > 0
              ? rows
              : html`<tr>
                  <td colspan="3">No messages.</td>
                </tr>`
          }
        </tbody>
      </table>
      ${p.compose ?? ''}`,
  );
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

/** Plain text with its URLs made into links (everything else escaped). */
function linkify(text: string): SafeHtml {
  const parts: (string | SafeHtml)[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    parts.push(text.slice(last, match.index));
    parts.push(html`<a href="${match[0]}">${match[0]}</a>`);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return html`${parts}`;
}

/**
 * One message. HTML bodies go into a sandboxed iframe: scripts stay off, links navigate this tab
 * (`<base target="_top">` + top navigation on user activation) or open popups.
 */
export function messagePage(p: {
  message: StoredMessage;
  backHref: string;
  backLabel: string;
  reply?: SafeHtml;
}): string {
  const m = p.message;
  const names = (list: StoredMessage['toRecipients']) =>
    list
      .map((r) =>
        r.emailAddress.name && r.emailAddress.name !== r.emailAddress.address
          ? `${r.emailAddress.name} <${r.emailAddress.address}>`
          : r.emailAddress.address,
      )
      .join(', ');
  const body =
    m.body.contentType === 'html'
      ? html`<iframe
          title="Message body"
          sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation"
          srcdoc="${`<base target="_top">${m.body.content}`}"
        ></iframe>`
      : html`<pre class="text">${linkify(m.body.content)}</pre>`;
  return layout(
    m.subject || '(no subject)',
    html`<p><a href="${p.backHref}">Back to ${p.backLabel}</a></p>
      <h1>${m.subject || '(no subject)'}</h1>
      <dl class="meta">
        <dt>From</dt>
        <dd>${names([m.from])}</dd>
        <dt>To</dt>
        <dd>${names(m.toRecipients)}</dd>
        ${
          m.ccRecipients.length > 0
            ? html`<dt>Cc</dt>
                <dd>${names(m.ccRecipients)}</dd>`
            : ''
        }
        ${
          m.bccRecipients.length > 0
            ? html`<dt>Bcc</dt>
                <dd>${names(m.bccRecipients)}</dd>`
            : ''
        }
        <dt>Sent</dt>
        <dd><time datetime="${m.sentDateTime}">${m.sentDateTime}</time></dd>
        ${
          (m.sensitivity ?? 'normal') !== 'normal'
            ? html`<dt>Sensitivity</dt>
                <dd>${m.sensitivity}</dd>`
            : ''
        }
        ${
          (m.attachments ?? []).length > 0
            ? html`<dt>Attachments</dt>
                <dd>${(m.attachments ?? []).map((a) => `${a.name} (${a.size} bytes)`).join(', ')}</dd>`
            : ''
        }
      </dl>
      ${body} ${p.reply ?? ''}`,
  );
}

export function notFoundPage(what: string): string {
  return layout(
    'Not found',
    html`<h1>Not found</h1>
      <p>${what}</p>
      <p><a href="/">All tenants</a></p>`,
  );
}
