// Long enough to recognise an item in the sync log, short enough for any Graph text to fit a log line.
const MAX_LABEL = 200;

/** A Graph item's name for the sync log, from whatever Microsoft 365 sent (null when it is not text). */
export function shortLabel(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}
