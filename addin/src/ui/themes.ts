import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from '@fluentui/react-components';
import type { ThemeName } from '../host/theme';

export const fluentThemes: Record<ThemeName, Theme> = {
  webLight: webLightTheme,
  webDark: webDarkTheme,
  teamsLight: teamsLightTheme,
  teamsDark: teamsDarkTheme,
  teamsHighContrast: teamsHighContrastTheme,
};

/** Whether the browser's own widgets (scrollbars, autofill) should render dark. */
export function isDarkTheme(name: ThemeName): boolean {
  return name === 'webDark' || name === 'teamsDark' || name === 'teamsHighContrast';
}
