import { browserHost } from './browser';
import { outlookHost } from './outlook';
import { teamsHost } from './teams';
import type { Host } from './types';

/**
 * Decides where the app runs from our own URL marker (the manifest's URLs carry ?host=outlook / ?host=teams;
 * taskpane.html is the Outlook page), then asks only that host's SDK. Anything that does not answer falls back
 * to the plain browser, so the page never waits on an SDK that has no host behind it.
 */
export async function detectHost(location: Location = window.location): Promise<Host> {
  const hint = new URLSearchParams(location.search).get('host')?.toLowerCase();
  const isTaskpanePage = /\/taskpane\.html$/i.test(location.pathname);
  try {
    if (hint === 'outlook' || (hint === undefined && isTaskpanePage)) {
      return (await outlookHost()) ?? browserHost();
    }
    if (hint === 'teams') {
      return (await teamsHost()) ?? browserHost();
    }
  } catch {
    // A host SDK that throws leaves us in the browser, not on a blank page.
  }
  return browserHost();
}
