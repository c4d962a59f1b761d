import type { Language } from '../host/language';
import { de } from './de';
import { en, type MessageKey, type Messages } from './en';

export type { MessageKey, Messages };
export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export const catalogs: Record<Language, Messages> = { en, de };

/** Fills {name} placeholders; an unknown placeholder stays visible rather than silently vanishing. */
export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/** The translate function for one language. */
export function translator(language: Language): Translate {
  const messages = catalogs[language];
  return (key, params) => format(messages[key], params);
}

/** The {name} placeholders a template uses, sorted; both languages must use the same set per key. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
