import { Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Textarea } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { CrmEvent } from '../../api/types';
import {
  changesBetween,
  dropsExceptions,
  formFromEvent,
  inputFromForm,
  newEventForm,
  type EventForm,
  type FormProblem,
} from '../../events/model';
import { timeZoneChoices, zoneLabel } from '../../events/zonedTime';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nContext';
import { FormDialog } from '../../ui/FormDialog';
import { limitState } from '../../ui/fieldLimit';
import { EVENT_LIMITS } from '../../../../common/fieldLimits';
import { EventTimeFields } from './EventTimeFields';
import { RepeatFields } from './RepeatFields';

export type EventDialogMode = { kind: 'new' } | { kind: 'edit'; event: CrmEvent };

/** New event and Edit: the same fields; Edit sends only what changed. Refusals stay in the dialog. */
export function EventDialog({
  mode,
  api,
  defaultTimeZone,
  onCancel,
  onSaved,
}: {
  mode: EventDialogMode | undefined;
  api: Api;
  /** The browser's zone: a new event's default. */
  defaultTimeZone: string;
  onCancel: () => void;
  onSaved: (event: CrmEvent, mode: EventDialogMode) => void;
}) {
  const { t, language } = useI18n();
  const [form, setForm] = useState<EventForm>(() => newEventForm(Date.now(), defaultTimeZone));
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (mode === undefined) return;
    setForm(mode.kind === 'edit' ? formFromEvent(mode.event) : newEventForm(Date.now(), defaultTimeZone));
    setSubmitted(false);
    setBusy(false);
    setProblem(undefined);
  }, [mode, defaultTimeZone]);

  const zones = useMemo(() => timeZoneChoices(defaultTimeZone, form.timeZone), [defaultTimeZone, form.timeZone]);
  const problems = submitted ? inputFromForm(form).problems : [];
  const messageFor = (field: FormProblem['field']): string | undefined => {
    const found = problems.find((p) => p.field === field);
    if (!found) return undefined;
    if (found.kind === 'invalidEmail') return t('eventDialog.invalidEmails', { emails: found.emails.join(', ') });
    const repeatField = found.field === 'repeatUntil';
    const keys: Record<Exclude<FormProblem['kind'], 'invalidEmail'>, MessageKey> = {
      required: found.field === 'subject' ? 'eventDialog.subjectRequired' : 'eventDialog.timeZoneRequired',
      invalid: form.isAllDay || repeatField ? 'eventDialog.invalidDate' : 'eventDialog.invalidTime',
      beforeStart: repeatField
        ? 'repeat.untilBeforeStart'
        : form.isAllDay
          ? 'eventDialog.endBeforeStartAllDay'
          : 'eventDialog.endBeforeStart',
      invalidCount: 'repeat.invalidCount',
    };
    return t(keys[found.kind]);
  };
  const fieldState = (field: FormProblem['field']) => {
    const message = messageFor(field);
    return { validationState: message ? ('error' as const) : ('none' as const), validationMessage: message };
  };

  const update = (changes: Partial<EventForm>) => setForm((current) => ({ ...current, ...changes }));
  // Saving a moved or re-patterned series drops its changed and cancelled occurrences (as Outlook does): say so first.
  const pending = mode?.kind === 'edit' ? inputFromForm(form).input : undefined;
  const dropping =
    mode?.kind === 'edit' && pending !== undefined && dropsExceptions(mode.event, changesBetween(mode.event, pending));

  const submit = () => {
    if (mode === undefined) return;
    setSubmitted(true);
    const { input } = inputFromForm(form);
    if (!input) return;
    let request: Promise<CrmEvent>;
    if (mode.kind === 'new') request = api.createEvent(input);
    else {
      const changes = changesBetween(mode.event, input);
      if (Object.keys(changes).length === 0) {
        onCancel();
        return;
      }
      request = api.updateEvent(mode.event.id, changes);
    }
    setBusy(true);
    setProblem(undefined);
    request
      .then((saved) => {
        setBusy(false);
        onSaved(saved, mode);
      })
      .catch((error: unknown) => {
        setBusy(false);
        setProblem(userMessageOf(error, t('error.generic')));
      });
  };

  return (
    <FormDialog
      open={mode !== undefined}
      title={t(mode?.kind === 'edit' ? 'eventDialog.editTitle' : 'eventDialog.newTitle')}
      width={520}
      busy={busy}
      problem={problem}
      submitLabel={t('eventDialog.save')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      <Field
        label={t('eventDialog.subject')}
        required
        {...(messageFor('subject')
          ? fieldState('subject')
          : limitState(form.subject, EVENT_LIMITS.subject, t('eventDialog.subject'), t, language))}
      >
        <Input
          value={form.subject}
          maxLength={EVENT_LIMITS.subject}
          onChange={(_e, data) => update({ subject: data.value })}
          disabled={busy}
        />
      </Field>
      <Checkbox
        label={t('eventDialog.allDay')}
        checked={form.isAllDay}
        onChange={(_e, data) => update({ isAllDay: data.checked === true })}
        disabled={busy}
      />
      <EventTimeFields
        isAllDay={form.isAllDay}
        start={form.start}
        end={form.end}
        onChange={update}
        startValidation={fieldState('start')}
        endValidation={fieldState('end')}
        disabled={busy}
      />
      <RepeatFields
        repeat={form.repeat}
        startDate={form.start.slice(0, 10)}
        onChange={(repeat) => update({ repeat })}
        countValidation={fieldState('repeatCount')}
        untilValidation={fieldState('repeatUntil')}
        disabled={busy}
      />
      {dropping && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('eventDialog.dropsExceptions')}</MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('eventDialog.timeZone')} required {...fieldState('timeZone')}>
        <Select value={form.timeZone} onChange={(_e, data) => update({ timeZone: data.value })} disabled={busy}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone === defaultTimeZone ? t('eventDialog.thisDevice', { zone: zoneLabel(zone) }) : zoneLabel(zone)}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('eventDialog.location')}
        {...limitState(form.location, EVENT_LIMITS.location, t('eventDialog.location'), t, language)}
      >
        <Input
          value={form.location}
          maxLength={EVENT_LIMITS.location}
          onChange={(_e, data) => update({ location: data.value })}
          disabled={busy}
        />
      </Field>
      <Field
        label={t('eventDialog.description')}
        {...limitState(form.description, EVENT_LIMITS.description, t('eventDialog.description'), t, language)}
      >
        <Textarea
          value={form.description}
          maxLength={EVENT_LIMITS.description}
          onChange={(_e, data) => update({ description: data.value })}
          resize="vertical"
          disabled={busy}
        />
      </Field>
      <Field label={t('eventDialog.attendees')} hint={t('eventDialog.attendeesHint')} {...fieldState('attendees')}>
        <Input
          value={form.attendees}
          onChange={(_e, data) => update({ attendees: data.value })}
          autoComplete="off"
          inputMode="email"
          disabled={busy}
        />
      </Field>
    </FormDialog>
  );
}
