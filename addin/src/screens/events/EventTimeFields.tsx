import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { shiftEnd } from '../../events/model';
import { useI18n } from '../../i18n/I18nContext';

const useStyles = makeStyles({
  times: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingVerticalM,
  },
});

type Validation = { validationState: 'error' | 'none'; validationMessage: string | undefined };

/**
 * Start and End as the event dialogs show them: date and time, or only days for an all-day event (End is then the
 * last day). Moving the start moves the end with it, so the length stays.
 */
export function EventTimeFields({
  isAllDay,
  start,
  end,
  onChange,
  startValidation,
  endValidation,
  hint,
  disabled,
}: {
  isAllDay: boolean;
  /** 'YYYY-MM-DDTHH:mm'. */
  start: string;
  end: string;
  onChange: (times: { start: string; end: string }) => void;
  startValidation: Validation;
  endValidation: Validation;
  /** Shown under End (e.g. which zone the times are in); all-day events get theirs. */
  hint?: string;
  disabled: boolean;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  // A date input gives 'YYYY-MM-DD': the time of day is kept, for when All day is turned off again.
  const withDate = (current: string, date: string) => (date === '' ? '' : `${date}${current.slice(10) || 'T00:00'}`);
  const type = isAllDay ? 'date' : 'datetime-local';
  const shown = (value: string) => (isAllDay ? value.slice(0, 10) : value);
  const endHint = [isAllDay ? t('eventDialog.allDayHint') : undefined, hint].filter(Boolean).join(' ') || undefined;

  return (
    <div className={styles.times}>
      <Field label={t('eventDialog.start')} required {...startValidation}>
        <Input
          type={type}
          value={shown(start)}
          onChange={(_e, data) => {
            const next = isAllDay ? withDate(start, data.value) : data.value;
            onChange({ start: next, end: isAllDay ? end : shiftEnd(start, next, end) });
          }}
          disabled={disabled}
        />
      </Field>
      <Field label={t('eventDialog.end')} required hint={endHint} {...endValidation}>
        <Input
          type={type}
          value={shown(end)}
          onChange={(_e, data) => onChange({ start, end: isAllDay ? withDate(end, data.value) : data.value })}
          disabled={disabled}
        />
      </Field>
    </div>
  );
}
