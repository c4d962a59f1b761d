import { Caption1, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ChangeEvent } from 'react';
import type { MessageKey } from '../i18n/en';
import { userMessageOf } from '../api/errors';
import { useI18n } from '../i18n/I18nContext';
import { FormDialog } from './FormDialog';

const useStyles = makeStyles({
  file: { maxWidth: '100%', fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300 },
  csv: { fontFamily: tokens.fontFamilyMonospace },
  loaded: { color: tokens.colorNeutralForeground3 },
});

/** What an import dialog imports: its texts and the service call that takes the CSV. */
export interface CsvImport {
  title: MessageKey;
  body: MessageKey;
  note: MessageKey;
  importCsv: (csv: string) => Promise<{ imported: number }>;
}

/**
 * Import CSV (events or contacts): a file or pasted text goes to the service as is; its refusal names the line and
 * stays here.
 */
export function ImportCsvDialog({
  kind,
  open,
  onOpenChange,
  onImported,
}: {
  kind: CsvImport;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onImported: (count: number) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [loaded, setLoaded] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (!open) return;
    setCsv('');
    setLoaded(undefined);
    setBusy(false);
    setProblem(undefined);
  }, [open]);

  const readFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setProblem(undefined);
    file
      .text()
      .then((text) => {
        setCsv(text);
        setLoaded(t('importEvents.fileLoaded', { name: file.name }));
      })
      .catch(() => setProblem(t('importEvents.fileError')));
  };

  const submit = () => {
    if (csv.trim() === '') {
      setProblem(t('importEvents.required'));
      return;
    }
    setBusy(true);
    setProblem(undefined);
    kind
      .importCsv(csv)
      .then(({ imported }) => {
        setBusy(false);
        onImported(imported);
      })
      .catch((error: unknown) => {
        setBusy(false);
        setProblem(userMessageOf(error, t('error.generic')));
      });
  };

  return (
    <FormDialog
      open={open}
      title={t(kind.title)}
      width={560}
      busy={busy}
      intro={[t(kind.body), t(kind.note)]}
      problem={problem}
      submitLabel={t('importEvents.submit')}
      onSubmit={submit}
      onCancel={() => onOpenChange(false)}
    >
      <Field label={t('importEvents.file')}>
        {(fieldProps) => (
          <input
            {...fieldProps}
            type="file"
            accept=".csv,text/csv,text/plain"
            className={styles.file}
            onChange={readFile}
            disabled={busy}
          />
        )}
      </Field>
      {loaded !== undefined && <Caption1 className={styles.loaded}>{loaded}</Caption1>}
      <Field label={t('importEvents.paste')} hint={t('importEvents.pasteHint')}>
        <Textarea
          className={styles.csv}
          value={csv}
          onChange={(_e, data) => setCsv(data.value)}
          rows={6}
          resize="vertical"
          disabled={busy}
        />
      </Field>
    </FormDialog>
  );
}
