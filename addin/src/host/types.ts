import type { ThemeName } from './theme';

export type HostKind = 'outlook' | 'teams' | 'browser';

/** What the rest of the app needs to know about where it runs. */
export interface Host {
  kind: HostKind;
  /** The host's display language as reported (e.g. "de-DE", "en-us"), if any. */
  locale: string | undefined;
  theme: ThemeName;
  /** Calls back when the host's theme changes; returns the unsubscribe function. */
  onThemeChange(listener: (theme: ThemeName) => void): () => void;
}
