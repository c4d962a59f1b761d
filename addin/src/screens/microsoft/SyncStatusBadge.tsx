import { Badge } from '@fluentui/react-components';
import {
  ArrowSync16Regular,
  CheckmarkCircle16Regular,
  CircleOff16Regular,
  ErrorCircle16Regular,
  PlugDisconnected16Regular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { SyncState } from '../../sync/model';
import { useI18n } from '../../i18n/I18nContext';

const looks: Record<
  SyncState,
  { color: 'success' | 'informative' | 'danger' | 'warning' | 'brand'; icon: ReactElement }
> = {
  on: { color: 'success', icon: <CheckmarkCircle16Regular /> },
  firstSync: { color: 'brand', icon: <ArrowSync16Regular /> },
  failed: { color: 'danger', icon: <ErrorCircle16Regular /> },
  reconnect: { color: 'warning', icon: <PlugDisconnected16Regular /> },
  off: { color: 'informative', icon: <CircleOff16Regular /> },
};

/** The sync's state in one word, with a colour and an icon that do not carry meaning alone. */
export function SyncStatusBadge({ state }: { state: SyncState }) {
  const { t } = useI18n();
  const look = looks[state];
  return (
    <Badge appearance="tint" shape="rounded" color={look.color} icon={look.icon}>
      {t(`syncState.${state}`)}
    </Badge>
  );
}
