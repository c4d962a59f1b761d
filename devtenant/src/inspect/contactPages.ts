import type { StoredContact, StoredContactFolder } from '../state/contactStore.js';
import { html, SafeHtml } from '../shared/html.js';
import { layout } from './webPages.js';

export interface ContactFormValues {
  givenName: string;
  surname: string;
  email: string;
  businessPhone: string;
  companyName: string;
  jobTitle: string;
}

export function contactFormValues(c: StoredContact): ContactFormValues {
  return {
    givenName: c.givenName ?? '',
    surname: c.surname ?? '',
    email: c.emailAddresses[0]?.address ?? '',
    businessPhone: c.businessPhones[0] ?? '',
    companyName: c.companyName ?? '',
    jobTitle: c.jobTitle ?? '',
  };
}

function tabs(baseHref: string): SafeHtml {
  return html`<nav class="tabs" aria-label="Folders">
    <a href="${baseHref}">Inbox</a><a href="${baseHref}?folder=sentitems">Sent Items</a
    ><a href="${baseHref}/calendar">Calendar</a><a href="${baseHref}/contacts" aria-current="page">Contacts</a>
  </nav>`;
}

function contactForm(p: { action: string; values: ContactFormValues; folderId: string; legend: string }): SafeHtml {
  const v = p.values;
  return html`<form class="event" method="post" action="${p.action}">
    <fieldset>
      <legend>${p.legend}</legend>
      <input type="hidden" name="folder" value="${p.folderId}" />
      <label for="givenName">First name</label><input id="givenName" name="givenName" value="${v.givenName}" />
      <label for="surname">Last name</label><input id="surname" name="surname" value="${v.surname}" />
      <label for="email">E-mail</label><input id="email" name="email" type="email" value="${v.email}" />
      <label for="businessPhone">Business phone</label
      ><input id="businessPhone" name="businessPhone" type="tel" value="${v.businessPhone}" />
      <label for="companyName">Company</label><input id="companyName" name="companyName" value="${v.companyName}" />
      <label for="jobTitle">Job title</label><input id="jobTitle" name="jobTitle" value="${v.jobTitle}" />
      <p><button type="submit">Save</button></p>
    </fieldset>
  </form>`;
}

/** The Contacts tab: contact folders, the contacts of the chosen one, and forms that write like Graph does. */
export function contactsPage(p: {
  owner: { displayName: string; upn: string };
  baseHref: string;
  folders: StoredContactFolder[];
  selected: StoredContactFolder;
  contacts: StoredContact[];
  error?: string;
  values?: ContactFormValues;
}): string {
  const folders = p.folders.map(
    (f) =>
      html`<li>
        <a
          href="${p.baseHref}/contacts?folder=${encodeURIComponent(f.id)}"
          ${f.id === p.selected.id ? new SafeHtml('aria-current="page"') : ''}
          >${f.displayName}</a
        >${f.isDefault ? ' (default)' : html` <form class="inline" method="post" action="${p.baseHref}/contactFolders/${encodeURIComponent(f.id)}/delete"><button type="submit" aria-label="Delete folder ${f.displayName}">Delete folder</button></form>`}
      </li>`,
  );
  const rows = [...p.contacts]
    .sort((a, b) => a.displayName.localeCompare(b.displayName))
    .map(
      (c) =>
        html`<tr>
          <td><a href="${p.baseHref}/contacts/${encodeURIComponent(c.id)}">${c.displayName || '(no name)'}</a></td>
          <td>${c.emailAddresses.map((e) => e.address).join(', ')}</td>
          <td>${c.businessPhones.join(', ')}</td>
          <td>${c.companyName ?? ''}</td>
          <td>${c.jobTitle ?? ''}</td>
        </tr>`,
    );
  const values = p.values ?? {
    givenName: '',
    surname: '',
    email: '',
    businessPhone: '',
    companyName: '',
    jobTitle: '',
  };
  return layout(
    `Contacts of ${p.owner.displayName}`,
    html`<h1>Contacts of ${p.owner.displayName}</h1>
      <p class="meta">${p.owner.upn}</p>
      ${tabs(p.baseHref)}
      <h2>Contact folders</h2>
      <ul>
        ${folders}
      </ul>
      <h2>Contacts in ${p.selected.displayName}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Business phone</th>
            <th scope="col">Company</th>
            <th scope="col">Job title</th>
          </tr>
        </thead>
        <tbody>
          ${
            rows.length > 0
              ? rows
              : html`<tr>
                  <td colspan="5">No contacts.</td>
                </tr>`
          }
        </tbody>
      </table>
      ${p.error ? html`<p class="error" role="alert">${p.error}</p>` : ''}
      <h2>New contact</h2>
      ${contactForm({ action: `${p.baseHref}/contacts`, values, folderId: p.selected.id, legend: `New contact in ${p.selected.displayName}` })}
      <h2>New folder</h2>
      <form class="event" method="post" action="${p.baseHref}/contactFolders">
        <label for="folder-name">Name</label><input id="folder-name" name="displayName" required />
        <button type="submit">Create folder</button>
      </form>`,
  );
}

export function contactPage(p: {
  owner: { displayName: string; upn: string };
  baseHref: string;
  contact: StoredContact;
  folder: StoredContactFolder;
  error?: string;
  values?: ContactFormValues;
}): string {
  const c = p.contact;
  const back = `${p.baseHref}/contacts?folder=${encodeURIComponent(c.parentFolderId)}`;
  return layout(
    c.displayName || '(no name)',
    html`<p><a href="${back}">Back to ${p.folder.displayName}</a></p>
      <h1>${c.displayName || '(no name)'}</h1>
      <dl class="meta">
        <dt>Change key</dt>
        <dd>${c.changeKey}</dd>
        <dt>Last modified</dt>
        <dd>${c.lastModifiedDateTime}</dd>
        ${c.extendedProperties.map(
          (x) =>
            html`<dt>${x.id}</dt>
              <dd>${x.value}</dd>`,
        )}
      </dl>
      ${p.error ? html`<p class="error" role="alert">${p.error}</p>` : ''}
      ${contactForm({ action: `${p.baseHref}/contacts/${encodeURIComponent(c.id)}`, values: p.values ?? contactFormValues(c), folderId: c.parentFolderId, legend: 'Edit contact' })}
      <form method="post" action="${p.baseHref}/contacts/${encodeURIComponent(c.id)}/delete">
        <button type="submit">Delete</button>
      </form>`,
  );
}
