import type { Recurrence } from '../../api/types';
import { formatShortDay } from '../../events/model';
import { dayAndMonth, repeatKindOf, weekdayName, type RepeatKind } from '../../events/recurrence';
import type { Language } from '../../host/language';
import type { Translate } from '../../i18n/translate';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A Repeat choice in words, for a series whose first day is `startDate` ('Every week on Thursday'). */
export function repeatChoiceLabel(kind: RepeatKind, startDate: string, t: Translate, language: Language): string {
  const known = DATE.test(startDate);
  switch (kind) {
    case 'none':
      return t('repeat.none');
    case 'daily':
      return t('repeat.daily');
    case 'weekly':
      return known ? t('repeat.weekly', { weekday: weekdayName(startDate, language) }) : t('repeat.weeklyAny');
    case 'monthly':
      return known ? t('repeat.monthly', { day: Number(startDate.slice(8, 10)) }) : t('repeat.monthlyAny');
    case 'yearly':
      return known ? t('repeat.yearly', { date: dayAndMonth(startDate, language) }) : t('repeat.yearlyAny');
    case 'custom':
      return t('repeat.custom');
  }
}

/** How a series repeats and ends, in one line: 'Every week on Thursday, 6 times'. */
export function seriesSummary(recurrence: Recurrence, startDate: string, t: Translate, language: Language): string {
  const kind = repeatKindOf(recurrence.pattern, startDate);
  const pattern = kind === 'custom' ? t('repeat.customSummary') : repeatChoiceLabel(kind, startDate, t, language);
  const { range } = recurrence;
  if (range.type === 'numbered' && range.numberOfOccurrences !== undefined)
    return t('repeat.summaryCount', { pattern, count: range.numberOfOccurrences });
  if (range.type === 'endDate' && range.endDate !== undefined)
    return t('repeat.summaryUntil', { pattern, date: formatShortDay(range.endDate, language) });
  return pattern;
}
