import type { StoredAttachment } from '../state/mailboxStore.js';
import { graphErrors } from './graphError.js';

const ATTACHMENT_PROPERTIES = [
  'id',
  'lastModifiedDateTime',
  'name',
  'contentType',
  'size',
  'isInline',
  'contentId',
  'contentLocation',
  'contentBytes',
];

/** `$select` on attachments, with Graph's casing; an unknown name is a 400 as Graph gives it. */
export function parseAttachmentSelect(select: string | undefined): string[] | undefined {
  if (!select) return undefined;
  return select
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((name) => {
      const found = ATTACHMENT_PROPERTIES.find((p) => p.toLowerCase() === name.toLowerCase());
      if (!found)
        throw graphErrors.badRequest(`Could not find a property named '${name}' on type 'microsoft.graph.attachment'.`);
      return found;
    });
}

/**
 * Graph's fileAttachment. Without `$select` the content comes along base64-encoded; with it, only what was named
 * (plus the type and id), so a client that asks for names and sizes never downloads the files.
 */
export function attachmentResource(a: StoredAttachment, select: string[] | undefined): Record<string, unknown> {
  const full: Record<string, unknown> = {
    '@odata.type': '#microsoft.graph.fileAttachment',
    '@odata.mediaContentType': a.contentType,
    id: a.id,
    lastModifiedDateTime: a.lastModifiedDateTime,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    isInline: a.isInline,
    contentId: null,
    contentLocation: null,
    contentBytes: a.contentBytes,
  };
  if (!select) return full;
  const out: Record<string, unknown> = { '@odata.type': full['@odata.type'], id: a.id };
  for (const name of select) out[name] = full[name];
  return out;
}
