import {
  Body1,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Api } from '../../api/client';
import { ApiError, userMessageOf } from '../../api/errors';
import type { ContactMappingOffer } from '../../api/types';
import { useI18n } from '../../i18n/I18nContext';
import {
  initialChoices,
  mappingFromChoices,
  problemsByField,
  takenTargets,
  targetLabel,
  targetName,
  type MappingChoices,
} from '../../sync/contactMapping';
import { FormDialog } from '../../ui/FormDialog';

const NARROW = '@media (max-width: 479px)';

const useStyles = makeStyles({
  // A narrow window leaves the table more room.
  surface: { width: '100%', [NARROW]: { paddingLeft: '12px', paddingRight: '12px' } },
  muted: { color: tokens.colorNeutralForeground2, margin: 0 },
  table: { tableLayout: 'auto', width: '100%' },
  labelCell: {
    verticalAlign: 'top',
    paddingTop: tokens.spacingVerticalS,
    overflowWrap: 'anywhere',
    width: '38%',
    [NARROW]: { width: '30%', paddingLeft: 0 },
  },
  targetCell: { paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  select: { minWidth: 0, width: '100%' },
  center: { display: 'grid', placeItems: 'center', minHeight: '120px' },
});

/** What the service said about the last Save: row problems by field, other problems, or a plain refusal. */
interface SaveOutcome {
  byField: Record<string, string[]>;
  other: string[];
  error: unknown;
}

const NO_OUTCOME: SaveOutcome = { byField: {}, other: [], error: undefined };

/**
 * The contact sync's Configuration popup: one row per mappable CRM field with the Microsoft 365 contact fields it
 * may go to (or Not synced), filled with the saved or default mapping; the CRM-only fields named below. 'enable'
 * saves and then lets the caller enable the sync; 'edit' only saves. The service's row problems show on their rows
 * and keep the dialog open.
 */
export function ContactMappingDialog({
  open,
  mode,
  api,
  brand,
  onDismiss,
  onSaved,
}: {
  open: boolean;
  mode: 'enable' | 'edit';
  api: Api;
  brand: string;
  onDismiss: () => void;
  onSaved: () => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [offer, setOffer] = useState<ContactMappingOffer>();
  const [loadError, setLoadError] = useState<unknown>();
  const [choices, setChoices] = useState<MappingChoices>({});
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<SaveOutcome>(NO_OUTCOME);

  useEffect(() => {
    if (!open) return;
    let stopped = false;
    setOffer(undefined);
    setLoadError(undefined);
    setOutcome(NO_OUTCOME);
    api.getContactMapping().then(
      (loaded) => {
        if (stopped) return;
        setOffer(loaded);
        setChoices(initialChoices(loaded));
      },
      (error: unknown) => {
        if (!stopped) setLoadError(error);
      },
    );
    return () => {
      stopped = true;
    };
  }, [open, api]);

  const taken = useMemo(() => (offer ? takenTargets(offer, choices) : {}), [offer, choices]);
  const hasTaken = Object.keys(taken).length > 0;

  const choose = (field: string, value: string) => {
    setChoices((current) => ({ ...current, [field]: value }));
    setOutcome((current) => {
      if (current.byField[field] === undefined) return current;
      const byField = { ...current.byField };
      delete byField[field];
      return { ...current, byField };
    });
  };

  const save = async () => {
    if (!offer || hasTaken) return;
    const { mapping, rowFields } = mappingFromChoices(offer, choices);
    setSaving(true);
    setOutcome(NO_OUTCOME);
    try {
      await api.saveContactMapping(mapping);
      onSaved();
    } catch (error) {
      if (error instanceof ApiError && error.problems.length > 0) {
        const placed = problemsByField(error.problems, rowFields);
        setOutcome({ ...placed, error: undefined });
      } else {
        setOutcome({ ...NO_OUTCOME, error });
      }
    } finally {
      setSaving(false);
    }
  };

  const rowProblems = Object.keys(outcome.byField).length > 0 || outcome.other.length > 0;

  return (
    <FormDialog
      open={open}
      title={t('contactMapping.title')}
      width={760}
      className={styles.surface}
      busy={saving}
      intro={t('contactMapping.intro', { brand })}
      submitLabel={t(mode === 'enable' ? 'contactMapping.saveEnable' : 'contactMapping.save')}
      submitDisabled={offer === undefined || hasTaken}
      onSubmit={() => void save()}
      onCancel={onDismiss}
    >
      {loadError !== undefined && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{userMessageOf(loadError, t('error.generic'))}</MessageBarBody>
        </MessageBar>
      )}
      {offer === undefined && loadError === undefined && (
        <div className={styles.center}>
          <Spinner size="small" label={t('contactMapping.loading')} />
        </div>
      )}
      {(rowProblems || hasTaken) && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>
            {t('contactMapping.fixRows')}
            {outcome.other.map((message) => (
              <span key={message}> {message}</span>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {outcome.error !== undefined && (
        <MessageBar intent="error" role="alert" layout="multiline">
          <MessageBarBody>{userMessageOf(outcome.error, t('error.generic'))}</MessageBarBody>
        </MessageBar>
      )}
      {offer !== undefined && (
        <>
          {offer.isDefault && (
            <Body1 as="p" className={styles.muted}>
              {t('contactMapping.isDefault')}
            </Body1>
          )}
          <Table aria-label={t('contactMapping.title')} className={styles.table} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.labelCell}>{t('contactMapping.colCrm', { brand })}</TableHeaderCell>
                <TableHeaderCell>{t('contactMapping.colGraph')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {offer.fields.map((field) => {
                const messages = [
                  ...(taken[field.field] !== undefined
                    ? [t('contactMapping.taken', { field: taken[field.field] ?? '' })]
                    : []),
                  ...(outcome.byField[field.field] ?? []),
                ];
                return (
                  <TableRow key={field.field}>
                    <TableCell className={styles.labelCell}>{field.label}</TableCell>
                    <TableCell className={styles.targetCell}>
                      <Field
                        validationState={messages.length > 0 ? 'error' : 'none'}
                        validationMessage={messages.length > 0 ? messages.join(' ') : undefined}
                      >
                        <Select
                          className={styles.select}
                          aria-label={field.label}
                          value={choices[field.field] ?? ''}
                          disabled={saving}
                          onChange={(_e, data) => choose(field.field, data.value)}
                        >
                          <option value="">{t('contactMapping.notSynced')}</option>
                          {field.targets.map((target) => (
                            <option key={targetName(target)} value={targetName(target)}>
                              {targetLabel(target, t)}
                            </option>
                          ))}
                        </Select>
                      </Field>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          {offer.crmOnlyFields.length > 0 && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                {t('contactMapping.crmOnly', { fields: offer.crmOnlyFields.map((field) => field.label).join(', ') })}
              </MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
    </FormDialog>
  );
}
