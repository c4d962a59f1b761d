import type { BrowserContext } from '@playwright/test';

export interface MailParty {
  displayName: string;
  emailAddress: string;
}

/**
 * Makes a browser context look like Outlook to the task pane: Office.js's API with the mail the person has open,
 * provided before the page's scripts run, as Outlook provides it. Office.js itself (the npm copy) is not loaded,
 * since outside Outlook it would find no host.
 */
export async function actAsOutlook(
  context: BrowserContext,
  mail: {
    subject: string;
    from: MailParty;
    to: MailParty[];
    cc: MailParty[];
    /** Office.js's ids of a message that is really in the mailbox (EWS format and Internet Message-ID). */
    itemId?: string;
    internetMessageId?: string;
  },
  displayLanguage = 'en-US',
): Promise<void> {
  await context.route('**/office-js/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: '' }),
  );
  await context.addInitScript(
    ({ mail: item, displayLanguage: language }) => {
      const handlers: Record<string, () => void> = {};
      (globalThis as unknown as { Office: unknown }).Office = {
        HostType: { Outlook: 'Outlook' },
        PlatformType: { OfficeOnline: 'OfficeOnline' },
        EventType: { ItemChanged: 'olkItemSelectedChanged', OfficeThemeChanged: 'officeThemeChanged' },
        onReady: () => Promise.resolve({ host: 'Outlook', platform: 'OfficeOnline' }),
        context: {
          displayLanguage: language,
          officeTheme: {
            bodyBackgroundColor: '#ffffff',
            bodyForegroundColor: '#242424',
            controlBackgroundColor: '#ffffff',
            controlForegroundColor: '#242424',
          },
          requirements: { isSetSupported: () => false },
          mailbox: {
            item: {
              itemType: 'message',
              subject: item.subject,
              from: item.from,
              sender: item.from,
              to: item.to,
              cc: item.cc,
              itemId: item.itemId,
              internetMessageId: item.internetMessageId,
            },
            addHandlerAsync: (type: string, handler: () => void, callback?: (result: { status: string }) => void) => {
              handlers[type] = handler;
              callback?.({ status: 'succeeded' });
            },
            removeHandlerAsync: (type: string) => delete handlers[type],
          },
        },
      };
    },
    { mail, displayLanguage },
  );
}
