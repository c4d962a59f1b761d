import type { Language } from '../host/language';
import type { MessageKey, Messages } from './en';

export type { MessageKey, Messages };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

// Each language is its own chunk: a pane downloads only the texts it shows.
const loaded: Partial<Record<Language, Messages>> = {};

/** Fetches one language's texts; translator() for that language works once this has resolved. */
export async function loadMessages(language: Language): Promise<void> {
  loaded[language] ??= language === 'de' ? (await import('./de')).de : (await import('./en')).en;
}

/** Fills {name} placeholders; an unknown placeholder stays visible rather than silently vanishing. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The translate function for one language, whose texts loadMessages() has fetched. */
export function translator(language: Language): Translate {
  const messages = loaded[language];
  if (messages === undefined) throw new Error(`The ${language} texts are used before loadMessages('${language}')`);
  return (key, params) => format(messages[key], params);
}

/** The {name} placeholders a template uses, sorted; both languages must use the same set per key. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
