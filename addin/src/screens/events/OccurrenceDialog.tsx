import { Field, Input } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Api } from '../../api/client';
import { errorCodeOf, userMessageOf } from '../../api/errors';
import type { CrmEvent, Occurrence } from '../../api/types';
import { formatWeekdayDay } from '../../events/model';
import {
  occurrenceChanges,
  occurrenceForm,
  type OccurrenceForm,
  type OccurrenceProblem,
} from '../../events/occurrences';
import { zoneLabel } from '../../events/zonedTime';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nContext';
import { FormDialog } from '../../ui/FormDialog';
import { EventTimeFields } from './EventTimeFields';

const EMPTY: OccurrenceForm = { subject: '', location: '', start: '', end: '' };

/** Edit this occurrence: subject, start, end and location of one occurrence; the rest of the series stays. */
export function OccurrenceDialog({
  api,
  series,
  occurrence,
  neighbours,
  onCancel,
  onSaved,
  onGone,
}: {
  api: Api;
  series: CrmEvent;
  occurrence: Occurrence | undefined;
  /** The loaded occurrences either side, for Outlook's rule that an occurrence stays between them. */
  neighbours: { previous?: Occurrence; next?: Occurrence };
  onCancel: () => void;
  onSaved: (event: CrmEvent, occurrence: Occurrence) => void;
  /** The service no longer has this occurrence (cancelled meanwhile, e.g. in Outlook): the list behind should say so. */
  onGone: (occurrence: Occurrence) => void;
}) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<OccurrenceForm>(EMPTY);
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (occurrence === undefined) return;
    setForm(occurrenceForm(occurrence, series.isAllDay));
    setSubmitted(false);
    setBusy(false);
    setProblem(undefined);
  }, [occurrence, series.isAllDay]);

  const problems =
    submitted && occurrence ? occurrenceChanges(occurrence, form, series.isAllDay, neighbours).problems : [];
  const fieldState = (field: OccurrenceProblem['field']) => {
    const found = problems.find((p) => p.field === field);
    const keys: Record<OccurrenceProblem['kind'], MessageKey> = {
      required: 'eventDialog.subjectRequired',
      invalid: series.isAllDay ? 'eventDialog.invalidDate' : 'eventDialog.invalidTime',
      beforeStart: series.isAllDay ? 'eventDialog.endBeforeStartAllDay' : 'eventDialog.endBeforeStart',
      crossesNeighbour: 'occurrenceDialog.crossesNeighbour',
    };
    const message = found ? t(keys[found.kind]) : undefined;
    return { validationState: message ? ('error' as const) : ('none' as const), validationMessage: message };
  };
  const update = (changes: Partial<OccurrenceForm>) => setForm((current) => ({ ...current, ...changes }));

  const submit = () => {
    if (!occurrence) return;
    setSubmitted(true);
    const { changes } = occurrenceChanges(occurrence, form, series.isAllDay, neighbours);
    if (!changes) return;
    if (Object.keys(changes).length === 0) {
      onCancel();
      return;
    }
    setBusy(true);
    setProblem(undefined);
    api
      .updateOccurrence(series.id, occurrence.date, changes)
      .then((saved) => {
        setBusy(false);
        onSaved(saved, occurrence);
      })
      .catch((error: unknown) => {
        setBusy(false);
        setProblem(userMessageOf(error, t('error.generic')));
        if (errorCodeOf(error) === 'occurrence_not_found') onGone(occurrence);
      });
  };

  return (
    <FormDialog
      open={occurrence !== undefined}
      title={t('occurrenceDialog.title')}
      width={520}
      busy={busy}
      intro={
        occurrence &&
        t('occurrenceDialog.intro', { date: formatWeekdayDay(occurrence.date, language), subject: series.subject })
      }
      problem={problem}
      submitLabel={t('eventDialog.save')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field label={t('eventDialog.subject')} required {...fieldState('subject')}>
        <Input value={form.subject} onChange={(_e, data) => update({ subject: data.value })} disabled={busy} />
      </Field>
      <EventTimeFields
        isAllDay={series.isAllDay}
        start={form.start}
        end={form.end}
        onChange={update}
        startValidation={fieldState('start')}
        endValidation={fieldState('end')}
        hint={series.isAllDay ? undefined : t('occurrences.zone', { zone: zoneLabel(series.timeZone) })}
        disabled={busy}
      />
      <Field label={t('eventDialog.location')}>
        <Input value={form.location} onChange={(_e, data) => update({ location: data.value })} disabled={busy} />
      </Field>
    </FormDialog>
  );
}
