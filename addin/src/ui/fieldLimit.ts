import type { Language } from '../host/language';
import type { Translate } from '../i18n/translate';

/** What a Field shows about its text's length: nothing, or (at the limit) a sentence naming the field and its limit. */
export interface LimitState {
  validationState?: 'warning';
  validationMessage?: string;
}

/**
 * The field stops at `max` characters (its input carries maxLength); once a person reaches it (typing, or a paste
 * cut short) the field says so in words, as a warning: what they see may not be all they meant to enter.
 */
export function limitState(value: string, max: number, field: string, t: Translate, language: Language): LimitState {
  if (value.length < max) return {};
  return {
    validationState: 'warning',
    validationMessage: t('field.atLimit', { field, max: max.toLocaleString(language === 'de' ? 'de-DE' : 'en-US') }),
  };
}
