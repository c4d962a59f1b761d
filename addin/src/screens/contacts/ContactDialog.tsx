import { Field, Input, makeStyles, Select, Textarea, tokens, type InputProps } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { Api } from '../../api/client';
import { userMessageOf } from '../../api/errors';
import type { Contact } from '../../api/types';
import {
  changesFromForm,
  emptyContactForm,
  fieldProblemsIn,
  formFromContact,
  formProblems,
  inputFromForm,
  SALUTATIONS,
  type ContactForm,
  type FormField,
} from '../../contacts/model';
import type { MessageKey } from '../../i18n/en';
import { useI18n } from '../../i18n/I18nContext';
import { FormDialog } from '../../ui/FormDialog';
import { limitState } from '../../ui/fieldLimit';
import { CONTACT_LIMITS } from '../../../../common/fieldLimits';

export type ContactDialogMode = { kind: 'new'; prefill?: Partial<ContactForm> } | { kind: 'edit'; contact: Contact };

const useStyles = makeStyles({
  // The groups stand further apart than the fields inside them.
  content: { gap: tokens.spacingVerticalL },
  group: {
    border: 'none',
    margin: 0,
    padding: 0,
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: {
    padding: 0,
    marginBottom: tokens.spacingVerticalS,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingVerticalS,
    columnGap: tokens.spacingHorizontalM,
  },
});

/** New contact and Edit: the common fields in groups; Edit sends only what changed. Refusals stay in the dialog. */
export function ContactDialog({
  mode,
  api,
  onCancel,
  onSaved,
}: {
  mode: ContactDialogMode | undefined;
  api: Api;
  onCancel: () => void;
  onSaved: (contact: Contact, mode: ContactDialogMode) => void;
}) {
  const styles = useStyles();
  const { t, language } = useI18n();
  const [form, setForm] = useState<ContactForm>(() => emptyContactForm());
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [serverFields, setServerFields] = useState<Partial<Record<FormField, string>>>({});

  useEffect(() => {
    if (mode === undefined) return;
    setForm(mode.kind === 'edit' ? formFromContact(mode.contact) : emptyContactForm(mode.prefill));
    setSubmitted(false);
    setBusy(false);
    setProblem(undefined);
    setServerFields({});
  }, [mode]);

  const problems = submitted ? formProblems(form) : [];
  const messageFor = (field: FormField): string | undefined => {
    const own = problems.find((p) => p.field === field);
    if (own) return t(own.kind === 'required' ? 'contactDialog.lastNameRequired' : 'contactDialog.invalidDate');
    return serverFields[field];
  };

  const update = (field: FormField, value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    // The service's word on a field holds until the field is changed.
    setServerFields((current) => {
      if (current[field] === undefined) return current;
      const { [field]: _gone, ...rest } = current;
      return rest;
    });
  };

  const submit = () => {
    if (mode === undefined) return;
    setSubmitted(true);
    if (formProblems(form).length > 0) return;
    let request: Promise<Contact>;
    if (mode.kind === 'new') request = api.createContact(inputFromForm(form));
    else {
      const changes = changesFromForm(mode.contact, form);
      if (Object.keys(changes).length === 0) {
        onCancel();
        return;
      }
      request = api.updateContact(mode.contact.id, changes);
    }
    setBusy(true);
    setProblem(undefined);
    setServerFields({});
    request
      .then((saved) => {
        setBusy(false);
        onSaved(saved, mode);
      })
      .catch((error: unknown) => {
        setBusy(false);
        const message = userMessageOf(error, t('error.generic'));
        setProblem(message);
        setServerFields(fieldProblemsIn(message));
      });
  };

  const field = (name: FormField, props: Partial<InputProps> & { required?: boolean } = {}) => {
    const message = messageFor(name);
    const { required, ...inputProps } = props;
    const label = t(`contactDialog.${name}` as MessageKey);
    const max = name in CONTACT_LIMITS ? CONTACT_LIMITS[name as keyof typeof CONTACT_LIMITS] : undefined;
    return (
      <Field
        label={label}
        required={required}
        {...(message
          ? { validationState: 'error', validationMessage: message }
          : max !== undefined
            ? limitState(form[name], max, label, t, language)
            : {})}
      >
        <Input
          value={form[name]}
          maxLength={max}
          onChange={(_e, data) => update(name, data.value)}
          disabled={busy}
          {...inputProps}
        />
      </Field>
    );
  };

  const group = (legend: MessageKey, children: ReactNode) => (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{t(legend)}</legend>
      <div className={styles.grid}>{children}</div>
    </fieldset>
  );

  const salutations: string[] = [...SALUTATIONS];
  if (form.salutation !== '' && !salutations.includes(form.salutation)) salutations.push(form.salutation);
  const descriptionMessage = messageFor('description');

  return (
    <FormDialog
      open={mode !== undefined}
      title={t(mode?.kind === 'edit' ? 'contactDialog.editTitle' : 'contactDialog.newTitle')}
      width={600}
      contentClassName={styles.content}
      busy={busy}
      problem={problem}
      submitLabel={t('contactDialog.save')}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {group(
        'contactDialog.groupName',
        <>
          <Field label={t('contactDialog.salutation')}>
            <Select value={form.salutation} onChange={(_e, data) => update('salutation', data.value)} disabled={busy}>
              <option value="">{t('contactDialog.salutationNone')}</option>
              {salutations.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </Select>
          </Field>
          {field('firstName', { autoComplete: 'off' })}
          {field('lastName', { required: true, autoComplete: 'off' })}
        </>,
      )}
      {group(
        'contactDialog.groupWork',
        <>
          {field('title')}
          {field('department')}
          {field('accountName')}
        </>,
      )}
      {group(
        'contactDialog.groupEmails',
        <>
          {field('email', { type: 'email', inputMode: 'email', autoComplete: 'off' })}
          {field('secondaryEmail', { type: 'email', inputMode: 'email', autoComplete: 'off' })}
          {field('tertiaryEmail', { type: 'email', inputMode: 'email', autoComplete: 'off' })}
        </>,
      )}
      {group(
        'contactDialog.groupPhones',
        <>
          {field('phone', { type: 'tel' })}
          {field('otherPhone', { type: 'tel' })}
          {field('mobile', { type: 'tel' })}
          {field('homePhone', { type: 'tel' })}
        </>,
      )}
      {group(
        'contactDialog.groupAddress',
        <>
          {field('mailingStreet')}
          {field('mailingCity')}
          {field('mailingState')}
          {field('mailingZip')}
          {field('mailingCountry')}
        </>,
      )}
      {group(
        'contactDialog.groupMore',
        <>
          {field('dateOfBirth', { type: 'date' })}
          {field('website', { type: 'url', inputMode: 'url' })}
        </>,
      )}
      <Field
        label={t('contactDialog.description')}
        {...(descriptionMessage
          ? { validationState: 'error', validationMessage: descriptionMessage }
          : limitState(form.description, CONTACT_LIMITS.description, t('contactDialog.description'), t, language))}
      >
        <Textarea
          value={form.description}
          maxLength={CONTACT_LIMITS.description}
          onChange={(_e, data) => update('description', data.value)}
          resize="vertical"
          disabled={busy}
        />
      </Field>
    </FormDialog>
  );
}
