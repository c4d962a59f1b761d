import { describe, expect, it } from 'vitest';
import { relativeLuminance, themeFromBrowser, themeFromOfficeBodyColor, themeFromTeams } from './theme';

describe('themeFromTeams', () => {
  it.each([
    ['default', 'teamsLight'],
    ['dark', 'teamsDark'],
    ['contrast', 'teamsHighContrast'],
    ['glass', 'teamsLight'],
    [undefined, 'teamsLight'],
  ] as const)('%s → %s', (teams, expected) => {
    expect(themeFromTeams(teams)).toBe(expected);
  });
});

describe('themeFromOfficeBodyColor', () => {
  it.each([
    ['#ffffff', 'webLight'],
    ['#FFF', 'webLight'],
    ['#f3f2f1', 'webLight'],
    ['#1f1f1f', 'webDark'],
    ['#262626', 'webDark'],
    ['#000000', 'webDark'],
    ['#6b6b6b', 'webDark'],
    ['not a colour', 'webLight'],
    [undefined, 'webLight'],
  ] as const)('%s → %s', (colour, expected) => {
    expect(themeFromOfficeBodyColor(colour)).toBe(expected);
  });

  it('computes WCAG luminance', () => {
    expect(relativeLuminance('#000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1);
  });
});

describe('themeFromBrowser', () => {
  it('forced colours win', () => expect(themeFromBrowser(false, true)).toBe('teamsHighContrast'));
  it('dark preference', () => expect(themeFromBrowser(true, false)).toBe('webDark'));
  it('light by default', () => expect(themeFromBrowser(false, false)).toBe('webLight'));
});
