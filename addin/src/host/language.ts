/** The languages the interface speaks. English is the fallback for every other locale. */
export type Language = 'en' | 'de';

/**
 * Picks the interface language. The `locale` query parameter (Teams fills `{locale}` into the tab's contentUrl)
 * wins over what the host reports; German for any `de*` tag, English otherwise.
 */
export function chooseLanguage(
  queryLocale: string | null | undefined,
  hostLocale: string | null | undefined,
): Language {
  const tag = firstNonEmpty(queryLocale, hostLocale);
  return tag !== undefined && /^de(?:$|[-_])/i.test(tag) ? 'de' : 'en';
}

/** The pane's language: the page's `locale` query parameter, else the host's locale. */
export function paneLanguage(hostLocale: string | null | undefined): Language {
  return chooseLanguage(new URLSearchParams(window.location.search).get('locale'), hostLocale);
}

function firstNonEmpty(...values: Array<string | null | undefined>): string | undefined {
  for (const value of values) {
    const trimmed = value?.trim();
    // Teams leaves a placeholder unreplaced in some clients; treat "{locale}" as absent.
    if (trimmed && !trimmed.startsWith('{')) return trimmed;
  }
  return undefined;
}
