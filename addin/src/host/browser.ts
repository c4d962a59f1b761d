import { themeFromBrowser } from './theme';
import type { Host } from './types';

const DARK = '(prefers-color-scheme: dark)';
const FORCED = '(forced-colors: active)';

/** Plain browser (and the fallback when a host did not answer): navigator.language and live media queries. */
export function browserHost(): Host {
  const dark = window.matchMedia(DARK);
  const forced = window.matchMedia(FORCED);
  const current = () => themeFromBrowser(dark.matches, forced.matches);
  return {
    kind: 'browser',
    locale: navigator.language,
    theme: current(),
    onThemeChange(listener) {
      const onChange = () => listener(current());
      dark.addEventListener('change', onChange);
      forced.addEventListener('change', onChange);
      return () => {
        dark.removeEventListener('change', onChange);
        forced.removeEventListener('change', onChange);
      };
    },
  };
}
