import { Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { RepeatEnd, RepeatForm, RepeatKind } from '../../events/recurrence';
import { useI18n } from '../../i18n/I18nContext';
import { repeatChoiceLabel } from './repeatText';

const useStyles = makeStyles({
  ends: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingVerticalM,
  },
});

type Validation = { validationState: 'error' | 'none'; validationMessage: string | undefined };

const KINDS: readonly RepeatKind[] = ['none', 'daily', 'weekly', 'monthly', 'yearly'];

/** Repeat and Ends: the patterns Outlook offers for the start's day, or a pattern made in Outlook kept as it is. */
export function RepeatFields({
  repeat,
  startDate,
  onChange,
  countValidation,
  untilValidation,
  disabled,
}: {
  repeat: RepeatForm;
  /** The start's day 'YYYY-MM-DD' (may be empty while being typed). */
  startDate: string;
  onChange: (repeat: RepeatForm) => void;
  countValidation: Validation;
  untilValidation: Validation;
  disabled: boolean;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const kinds = repeat.custom ? [...KINDS, 'custom' as const] : KINDS;
  const update = (changes: Partial<RepeatForm>) => onChange({ ...repeat, ...changes });

  return (
    <>
      <Field label={t('repeat.label')}>
        <Select
          value={repeat.kind}
          onChange={(_e, data) => update({ kind: data.value as RepeatKind })}
          disabled={disabled}
        >
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {repeatChoiceLabel(kind, startDate, t, language)}
            </option>
          ))}
        </Select>
      </Field>
      {repeat.kind !== 'none' && (
        <div className={styles.ends}>
          <Field label={t('repeat.ends')}>
            <Select
              value={repeat.ends}
              onChange={(_e, data) => update({ ends: data.value as RepeatEnd })}
              disabled={disabled}
            >
              <option value="never">{t('repeat.endsNever')}</option>
              <option value="count">{t('repeat.endsCount')}</option>
              <option value="date">{t('repeat.endsDate')}</option>
            </Select>
          </Field>
          {repeat.ends === 'count' && (
            <Field label={t('repeat.count')} required {...countValidation}>
              <Input
                type="number"
                min={1}
                max={999}
                value={repeat.count}
                onChange={(_e, data) => update({ count: data.value })}
                disabled={disabled}
              />
            </Field>
          )}
          {repeat.ends === 'date' && (
            <Field label={t('repeat.until')} required {...untilValidation}>
              <Input
                type="date"
                value={repeat.until}
                onChange={(_e, data) => update({ until: data.value })}
                disabled={disabled}
              />
            </Field>
          )}
        </div>
      )}
    </>
  );
}
