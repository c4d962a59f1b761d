import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../host/language';
import { translator, type Translate } from './translate';

interface I18n {
  language: Language;
  t: Translate;
}

// Outside a provider (never in the app) English, looked up at call time since the texts load after this module.
const I18nContext = createContext<I18n>({ language: 'en', t: (key, params) => translator('en')(key, params) });

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => ({ language, t: translator(language) }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its translate function. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
