/** The languages the service speaks: errors, sync log reasons, sync messages and mails are written in both. */
export type Language = 'de' | 'en';

/** German for any de* preference ranked above English, English otherwise. */
export function languageFromAcceptLanguage(header: string | undefined): Language {
  const ranked = (header ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  const first = ranked.find((entry) => entry.tag.startsWith('de') || entry.tag.startsWith('en'));
  return first?.tag.startsWith('de') ? 'de' : 'en';
}

/** The recipient's language where known (a Microsoft 365 preferredLanguage or a stored CRM preference), else the sender's. */
export function mailLanguage(recipientPreference: string | null | undefined, senderLanguage: Language): Language {
  if (!recipientPreference) return senderLanguage;
  return recipientPreference.toLowerCase().startsWith('de') ? 'de' : 'en';
}
