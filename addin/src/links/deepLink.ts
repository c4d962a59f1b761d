/**
 * The two links the service mails: an invitation (`?invitation=<secret>`) and an approval
 * (`?accessRequest=<requestId>`). They are read once when the page starts, kept in sessionStorage until the app
 * has acted on them (so a reload or a sign-in that navigates the page does not lose them), and only then
 * removed from the address bar.
 */
export type DeepLink = { kind: 'invitation'; token: string } | { kind: 'accessRequest'; requestId: string };

export const DEEP_LINK_PARAMS = ['invitation', 'accessRequest'] as const;
const STORAGE_KEY = 'crm.pendingDeepLink';
/** A link kept across a reload is only honoured for this long; an abandoned one must not pop up days later. */
export const DEEP_LINK_MAX_AGE_MS = 30 * 60_000;

// Loose on purpose: a mangled or forged value still reaches the service, whose answer ("this link is not valid")
// tells the user more than silently ignoring the link would.
const TOKEN = /^[^\s]{1,200}$/;
const REQUEST_ID = /^[A-Za-z0-9-]{1,100}$/;

/** The link in a query string; an invitation wins if a URL carries both. Empty or absurd values are ignored. */
export function parseDeepLink(search: string): DeepLink | undefined {
  const params = new URLSearchParams(search);
  const token = params.get('invitation')?.trim();
  if (token && TOKEN.test(token)) return { kind: 'invitation', token };
  const requestId = params.get('accessRequest')?.trim();
  if (requestId && REQUEST_ID.test(requestId)) return { kind: 'accessRequest', requestId };
  return undefined;
}

/** The URL without the deep-link parameters, or undefined when it has none (nothing to replace). */
export function urlWithoutDeepLink(href: string): string | undefined {
  const url = new URL(href);
  if (!DEEP_LINK_PARAMS.some((name) => url.searchParams.has(name))) return undefined;
  for (const name of DEEP_LINK_PARAMS) url.searchParams.delete(name);
  return url.pathname + url.search + url.hash;
}

export function serializeDeepLink(link: DeepLink, now: number): string {
  return JSON.stringify({ ...link, savedAt: now });
}

/** A stored link, if it is well formed and fresh. */
export function deserializeDeepLink(text: string | null, now: number): DeepLink | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value.savedAt !== 'number' || now - value.savedAt > DEEP_LINK_MAX_AGE_MS || now < value.savedAt) {
      return undefined;
    }
    if (value.kind === 'invitation' && typeof value.token === 'string' && TOKEN.test(value.token)) {
      return { kind: 'invitation', token: value.token };
    }
    if (value.kind === 'accessRequest' && typeof value.requestId === 'string' && REQUEST_ID.test(value.requestId)) {
      return { kind: 'accessRequest', requestId: value.requestId };
    }
  } catch {
    // not ours, or damaged: ignore it
  }
  return undefined;
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // blocked storage (some embedded browsers)
  }
}

/** Called once at start: the link from the address bar (remembered), else one remembered before a reload. */
export function captureDeepLink(now: number = Date.now()): DeepLink | undefined {
  const fromUrl = parseDeepLink(window.location.search);
  const store = storage();
  try {
    if (fromUrl) {
      store?.setItem(STORAGE_KEY, serializeDeepLink(fromUrl, now));
      return fromUrl;
    }
    const kept = deserializeDeepLink(store?.getItem(STORAGE_KEY) ?? null, now);
    if (!kept) store?.removeItem(STORAGE_KEY);
    return kept;
  } catch {
    return fromUrl;
  }
}

/** The app has acted on the link: forget it, and take it out of the address bar if it is there. */
export function forgetDeepLink(): void {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // nothing to forget
  }
  const next = urlWithoutDeepLink(window.location.href);
  // Office.js replaces history.replaceState/pushState with null in Outlook; only call it when it is a function.
  const history = window.history as Partial<History> | undefined;
  if (next !== undefined && typeof history?.replaceState === 'function') {
    try {
      history.replaceState(history.state ?? null, '', next);
    } catch {
      // an address bar we may not touch is not worth an error
    }
  }
}
