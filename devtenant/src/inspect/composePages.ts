import { html, SafeHtml } from '../shared/html.js';

export interface ComposeValues {
  from: string;
  fromName: string;
  to: string;
  cc: string;
  subject: string;
  body: string;
  sensitivity: string;
}

export const EMPTY_COMPOSE: ComposeValues = {
  from: '',
  fromName: '',
  to: '',
  cc: '',
  subject: '',
  body: '',
  sensitivity: 'normal',
};

const SENSITIVITY_LABELS: [string, string][] = [
  ['normal', 'Normal'],
  ['personal', 'Personal'],
  ['private', 'Private'],
  ['confidential', 'Confidential'],
];

/**
 * A form that sends a message through the same delivery as Graph's sendMail. With `outside`, the sender is an
 * address no local tenant owns (a customer writing in), so it asks for that address too.
 */
export function composeForm(p: {
  action: string;
  heading: string;
  outside: boolean;
  values?: ComposeValues;
  error?: string;
}): SafeHtml {
  const v = p.values ?? EMPTY_COMPOSE;
  const id = p.outside ? 'outside' : 'compose';
  const sensitivity = SENSITIVITY_LABELS.map(
    ([value, label]) =>
      html`<option value="${value}" ${v.sensitivity === value ? new SafeHtml('selected') : ''}>${label}</option>`,
  );
  return html`<form class="event" method="post" action="${p.action}" aria-labelledby="${id}-heading">
    <h2 id="${id}-heading">${p.heading}</h2>
    ${p.error ? html`<p class="error" role="alert">${p.error}</p>` : ''}
    ${
      p.outside
        ? html`<label for="${id}-from">From (address)</label>
            <input id="${id}-from" name="from" type="email" required value="${v.from}" />
            <label for="${id}-from-name">From (name)</label>
            <input id="${id}-from-name" name="fromName" value="${v.fromName}" />`
        : ''
    }
    <label for="${id}-to">To (addresses, comma-separated)</label>
    <input id="${id}-to" name="to" required value="${v.to}" size="60" />
    <label for="${id}-cc">Cc</label>
    <input id="${id}-cc" name="cc" value="${v.cc}" size="60" />
    <label for="${id}-subject">Subject</label>
    <input id="${id}-subject" name="subject" value="${v.subject}" size="60" />
    <label for="${id}-sensitivity">Sensitivity</label>
    <select id="${id}-sensitivity" name="sensitivity">
      ${sensitivity}
    </select>
    <label for="${id}-body">Message</label>
    <textarea id="${id}-body" name="body" rows="6" cols="60">${v.body}</textarea>
    <p><button type="submit">Send</button></p>
  </form>`;
}

/** A reply to one message: to its sender, in its conversation. */
export function replyForm(p: { action: string; to: string; error?: string }): SafeHtml {
  return html`<form class="event" method="post" action="${p.action}" aria-labelledby="reply-heading">
    <h2 id="reply-heading">Reply to ${p.to}</h2>
    ${p.error ? html`<p class="error" role="alert">${p.error}</p>` : ''}
    <label for="reply-body">Message</label>
    <textarea id="reply-body" name="body" rows="5" cols="60"></textarea>
    <p><button type="submit">Send reply</button></p>
  </form>`;
}
