/** The page the admin-consent callback shows in the administrator's browser. */
export const INSTALL_PAGE_TEXT = {
  en: {
    installedTitle: 'Installed',
    installed: (brand: string) =>
      `${brand} is installed for your organisation. Close this window and return to the app to finish setting up.`,
    cancelledTitle: 'Not installed',
    cancelled: 'The consent was cancelled, so the app was not installed. You can start again from the app at any time.',
    failedTitle: 'Not installed',
  },
  de: {
    installedTitle: 'Installiert',
    installed: (brand: string) =>
      `${brand} ist für Ihre Organisation installiert. Schließen Sie dieses Fenster und kehren Sie zur App zurück, um die Einrichtung abzuschließen.`,
    cancelledTitle: 'Nicht installiert',
    cancelled:
      'Die Zustimmung wurde abgebrochen, daher wurde die App nicht installiert. Sie können jederzeit erneut in der App beginnen.',
    failedTitle: 'Nicht installiert',
  },
} as const;
