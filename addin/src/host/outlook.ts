import { themeFromOfficeBodyColor } from './theme';
import { raceTimeout, TIMED_OUT } from './timeout';
import type { Host } from './types';

// Office.onReady resolves quickly inside Outlook and with a null host outside Office; the bound only matters
// when office.js itself is slow or broken, and then the pane still has to show something.
const OFFICE_READY_TIMEOUT_MS = 8_000;

/** The Outlook task pane, or undefined when Office.js is missing or the page is not inside Outlook. */
export async function outlookHost(): Promise<Host | undefined> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return undefined;
  const info = await raceTimeout(Office.onReady(), OFFICE_READY_TIMEOUT_MS);
  if (info === TIMED_OUT || info.host !== Office.HostType.Outlook) return undefined;

  return {
    kind: 'outlook',
    locale: Office.context.displayLanguage,
    theme: themeFromOfficeBodyColor(readOfficeTheme()?.bodyBackgroundColor),
    onThemeChange(listener) {
      let active = true;
      const handler = (event: Office.OfficeThemeChangedEventArgs) => {
        if (active) listener(themeFromOfficeBodyColor(event.officeTheme?.bodyBackgroundColor));
      };
      // OfficeThemeChanged needs Mailbox 1.14; older clients simply keep the theme they opened with.
      try {
        Office.context.mailbox.addHandlerAsync(Office.EventType.OfficeThemeChanged, handler);
      } catch {
        // not supported by this client
      }
      return () => {
        active = false;
        try {
          Office.context.mailbox.removeHandlerAsync(Office.EventType.OfficeThemeChanged);
        } catch {
          // not supported by this client
        }
      };
    },
  };
}

function readOfficeTheme(): Office.OfficeTheme | undefined {
  try {
    return Office.context.officeTheme ?? undefined;
  } catch {
    return undefined;
  }
}
