import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { TableSettings20Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Api } from '../../api/client';
import { useI18n } from '../../i18n/I18nContext';
import { ContactMappingDialog } from './ContactMappingDialog';
import { SyncSection } from './SyncSection';
import type { SyncHandle } from './useSync';

/**
 * Section Contacts: the calendar's section for contacts, except that Enable opens the Configuration popup first
 * (Save & enable saves the mapping, then enables), and while the sync is on Change mapping opens it to Save only.
 */
export function ContactsSyncSection({ brand, api, sync }: { brand: string; api: Api; sync: SyncHandle }) {
  const { t } = useI18n();
  // The mode outlives `open`, so the button keeps its words while the dialog fades out.
  const [dialog, setDialog] = useState<{ open: boolean; mode: 'enable' | 'edit' }>({ open: false, mode: 'edit' });
  const [saved, setSaved] = useState(false);

  return (
    <SyncSection
      brand={brand}
      sync={sync}
      onEnable={() => {
        setSaved(false);
        setDialog({ open: true, mode: 'enable' });
      }}
      actions={
        <Button
          icon={<TableSettings20Regular />}
          disabled={sync.busy !== undefined}
          onClick={() => {
            setSaved(false);
            setDialog({ open: true, mode: 'edit' });
          }}
        >
          {t('contactsSync.changeMapping')}
        </Button>
      }
      notice={
        saved && sync.data?.enabled ? (
          <MessageBar intent="success" role="status" layout="multiline">
            <MessageBarBody>{t('contactsSync.mappingSaved')}</MessageBarBody>
          </MessageBar>
        ) : undefined
      }
    >
      <ContactMappingDialog
        open={dialog.open}
        mode={dialog.mode}
        api={api}
        brand={brand}
        onDismiss={() => setDialog((current) => ({ ...current, open: false }))}
        onSaved={() => {
          const enabling = dialog.mode === 'enable';
          setDialog((current) => ({ ...current, open: false }));
          if (enabling) void sync.enable();
          else setSaved(true);
        }}
      />
    </SyncSection>
  );
}
