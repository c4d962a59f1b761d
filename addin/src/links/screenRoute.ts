/**
 * Each screen of a member's pane has an address in the URL's hash (`#/settings/users`), so a reload lands on the
 * same screen and the browser's Back goes to the previous screen. The hash, not the History API: Office.js sets
 * history.pushState/replaceState to null in Outlook, while assigning location.hash still adds a history entry.
 */
export const SCREENS = [
  'mail',
  'home',
  'events',
  'contacts',
  'settings',
  'settings/users',
  'settings/microsoft',
] as const;
export type Screen = (typeof SCREENS)[number];

/** The screen a hash names, or undefined for an empty or unknown hash (e.g. an old bookmark). */
export function parseScreenHash(hash: string): Screen | undefined {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  return SCREENS.find((screen) => screen === path);
}

export function screenHash(screen: Screen): string {
  return `#/${screen}`;
}
