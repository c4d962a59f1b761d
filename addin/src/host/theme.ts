/** The Fluent themes the add-in renders with; mapped to theme objects in ui/themes.ts. */
export type ThemeName = 'webLight' | 'webDark' | 'teamsLight' | 'teamsDark' | 'teamsHighContrast';

/** Teams reports default | dark | contrast (and newer clients "glass"); anything unknown is the light theme. */
export function themeFromTeams(teamsTheme: string | null | undefined): ThemeName {
  switch (teamsTheme?.toLowerCase()) {
    case 'dark':
      return 'teamsDark';
    case 'contrast':
      return 'teamsHighContrast';
    default:
      return 'teamsLight';
  }
}

/**
 * Outlook has no isDarkTheme: infer dark from the luminance of officeTheme.bodyBackgroundColor
 * ("#RRGGBB" or "#RGB"). Unparseable colours give the light theme.
 */
export function themeFromOfficeBodyColor(bodyBackgroundColor: string | null | undefined): ThemeName {
  const luminance = relativeLuminance(bodyBackgroundColor);
  return luminance !== undefined && luminance < 0.4 ? 'webDark' : 'webLight';
}

/** Plain browser: forced colours (Windows high contrast) win over the light/dark preference. */
export function themeFromBrowser(prefersDark: boolean, forcedColors: boolean): ThemeName {
  if (forcedColors) return 'teamsHighContrast';
  return prefersDark ? 'webDark' : 'webLight';
}

/** WCAG relative luminance (0 black … 1 white) of a hex colour, or undefined when it is not one. */
export function relativeLuminance(hex: string | null | undefined): number | undefined {
  const match = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex?.trim() ?? '');
  if (!match?.[1]) return undefined;
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  const channel = (offset: number): number => {
    const c = parseInt(digits.slice(offset, offset + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}
