import { Badge } from '@fluentui/react-components';
import type { Profile } from '../api/types';
import { useI18n } from '../i18n/I18nContext';

const profileColor: Record<Profile, 'brand' | 'informative' | 'subtle'> = {
  super_admin: 'brand',
  administrator: 'informative',
  standard: 'subtle',
};

function isProfile(value: string): value is Profile {
  return Object.prototype.hasOwnProperty.call(profileColor, value);
}

/** A CRM profile as a badge; a profile this version does not know is shown as the service named it. */
export function ProfileBadge({ profile, appearance = 'filled' }: { profile: string; appearance?: 'filled' | 'tint' }) {
  const { t } = useI18n();
  return (
    <Badge appearance={appearance} color={isProfile(profile) ? profileColor[profile] : 'subtle'} shape="rounded">
      {isProfile(profile) ? t(`profile.${profile}`) : profile}
    </Badge>
  );
}
