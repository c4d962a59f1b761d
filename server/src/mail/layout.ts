import type { MailText } from '../i18n/mails/mailText.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export type MailContent = Omit<MailText, 'subject'>;

/** The same content as plain text and as simple, client-safe HTML (inline styles, one button-like link). */
export function renderMail(content: MailContent): { text: string; html: string } {
  const text = [
    content.heading,
    '',
    ...content.paragraphs.flatMap((p) => [p, '']),
    `${content.action.label}: ${content.action.url}`,
    '',
    content.footer,
  ].join('\n');
  const html =
    `<!doctype html><html><body style="font-family:Segoe UI,Arial,sans-serif;color:#242424;line-height:1.5">` +
    `<h1 style="font-size:20px;font-weight:600">${escapeHtml(content.heading)}</h1>` +
    content.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#0f6cbd;color:#ffffff;padding:8px 16px;border-radius:4px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>` +
    `<p style="font-size:12px;color:#616161">${escapeHtml(content.footer)}</p></body></html>`;
  return { text, html };
}
