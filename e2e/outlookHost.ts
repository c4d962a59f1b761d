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
  await pretendOutlook(context, { mode: 'read', mail }, displayLanguage);
}

/**
 * Makes a browser context look like Outlook writing a new message (compose mode): recipients only through
 * getAsync, and the add-in's custom properties (loadCustomPropertiesAsync) saved into `window.draftProperties`,
 * where a test reads what the add-in put on the draft before "Outlook" sends it.
 */
export async function actAsOutlookComposing(context: BrowserContext, displayLanguage = 'en-US'): Promise<void> {
  await pretendOutlook(context, { mode: 'compose' }, displayLanguage);
}

type OpenItem = { mode: 'read'; mail: Parameters<typeof actAsOutlook>[1] } | { mode: 'compose' };

async function pretendOutlook(context: BrowserContext, open: OpenItem, displayLanguage: string): Promise<void> {
  await context.route('**/office-js/**', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: '' }),
  );
  await context.addInitScript(
    ({ open: opened, displayLanguage: language }) => {
      const handlers: Record<string, () => void> = {};
      const saved: Record<string, string> = {};
      (globalThis as unknown as { draftProperties: Record<string, string> }).draftProperties = saved;
      const done = (callback: (result: unknown) => void, value?: unknown) =>
        setTimeout(() => callback({ status: 'succeeded', value }), 0);
      const later = (value: unknown) => ({ getAsync: (callback: (result: unknown) => void) => done(callback, value) });
      const item =
        opened.mode === 'read'
          ? {
              itemType: 'message',
              subject: opened.mail.subject,
              from: opened.mail.from,
              sender: opened.mail.from,
              to: opened.mail.to,
              cc: opened.mail.cc,
              itemId: opened.mail.itemId,
              internetMessageId: opened.mail.internetMessageId,
            }
          : {
              itemType: 'message',
              to: later([]),
              cc: later([]),
              subject: later(''),
              loadCustomPropertiesAsync: (callback: (result: unknown) => void) => {
                const working: Record<string, string> = { ...saved };
                done(callback, {
                  get: (name: string) => working[name],
                  set: (name: string, value: string) => (working[name] = value),
                  remove: (name: string) => delete working[name],
                  saveAsync: (saveDone: (result: unknown) => void) => {
                    for (const key of Object.keys(saved)) delete saved[key];
                    Object.assign(saved, working);
                    done(saveDone);
                  },
                });
              },
            };
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
            item,
            addHandlerAsync: (type: string, handler: () => void, callback?: (result: { status: string }) => void) => {
              handlers[type] = handler;
              callback?.({ status: 'succeeded' });
            },
            removeHandlerAsync: (type: string) => delete handlers[type],
          },
        },
      };
    },
    { open, displayLanguage },
  );
}
