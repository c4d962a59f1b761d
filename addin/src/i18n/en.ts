/** English strings; the source of the key set. Placeholders are written {name} and filled by t(). */
export const en = {
  'app.loading': 'Loading…',
  'app.signedInAs': 'Signed in as {email}',
  'app.checkAgain': 'Check again',

  'signIn.title': 'Sign in to {brand}',
  'signIn.body': 'Use your Microsoft 365 work account. You will not need a separate {brand} password.',
  'signIn.button': 'Sign in',
  'signIn.busy': 'Signing in…',
  'signIn.popupBlocked': 'Your browser blocked the sign-in window. Allow pop-ups for this site and try again.',
  'signIn.cancelled': 'Sign-in was cancelled. Select Sign in to try again.',
  'signIn.failed': 'Sign-in did not succeed. Try again, or ask your administrator if it keeps failing.',
  'signIn.rejected': 'Your sign-in was not accepted. Sign in again.',

  'notInstalled.title': '{brand} is not set up for {tenant} yet',
  'notInstalled.userBody':
    'Before anyone in your organisation can use {brand}, a Microsoft 365 administrator of {tenant} must install the app and grant it the permissions it needs.',
  'notInstalled.askHeading': 'What to ask your administrator',
  'notInstalled.askText':
    'Please install the {brand} app for Microsoft 365 for {tenant} and grant admin consent for the organisation.',
  'notInstalled.userHint': 'Once it is installed, come back here and select Check again.',
  'notInstalled.adminBody':
    'You are an administrator of {tenant}. Install {brand} for your organisation to grant the Microsoft 365 permissions it needs. Everyone you approve can then use it in Outlook and Teams.',
  'notInstalled.installButton': 'Install for {tenant}',
  'notInstalled.waiting': 'Waiting for the installation to finish in the other window…',
  'notInstalled.popupBlocked': 'The installation window was blocked. Allow pop-ups for this site, or open the consent page directly:',
  'notInstalled.openConsentPage': 'Open the consent page',
  'notInstalled.stillNotInstalled': 'The app is still not installed for {tenant}.',

  'firstVisit.title': 'Welcome to {brand}',
  'firstVisit.body':
    'Your organisation has installed {brand}. Continue to create a new CRM account with your Microsoft 365 address {email}; you become its Super Admin.',
  'firstVisit.termsHeading': 'Terms and conditions',
  'firstVisit.terms1':
    'These terms govern your organisation’s use of {brand} (the “Service”). By continuing you confirm that you may accept them on behalf of your organisation.',
  'firstVisit.terms2':
    'Your organisation owns the data it stores in the Service. We process it only to provide the Service, including the synchronisation of calendars and contacts with Microsoft 365 that users enable themselves, and we never sell it.',
  'firstVisit.terms3':
    'You are responsible for the users you invite or approve and for keeping their access up to date. The Service is provided as is; we may change features with reasonable notice.',
  'firstVisit.terms4':
    'You can close your account at any time. Data synchronised to Microsoft 365 stays under your organisation’s Microsoft 365 policies.',
  'firstVisit.accept': 'I accept the terms and conditions',
  'firstVisit.continue': 'Continue',
  'firstVisit.creating': 'Creating your account…',
  'firstVisit.linkPrompt': 'Already use {brand} with a different e-mail address?',
  'firstVisit.linkButton': 'Link my account',

  'link.title': 'Link my account',
  'link.body':
    'Sign in with the e-mail address and password of your existing {brand} account. From then on, your Microsoft 365 account opens that {brand} account.',
  'link.email': 'E-mail address',
  'link.password': 'Password',
  'link.submit': 'Link account',
  'link.submitting': 'Linking…',
  'link.cancel': 'Cancel',
  'link.required': 'Enter your e-mail address and password.',

  'noAccess.title': '{organisation} already uses {brand}',
  'noAccess.body':
    'Your company already has a {brand} account, but you are not one of its users yet.',
  'noAccess.hint': 'A user of {organisation} who can manage users has to add you. Once they have, select Check again.',
  'noAccess.stillNoAccess': 'You are not a user of {organisation} yet.',

  'home.nav': 'Main navigation',
  'home.tabHome': 'Home',
  'home.tabSettings': 'Settings',
  'home.welcome': 'Welcome, {name}',
  'home.intro': 'You are signed in to {organisation}.',
  'home.organisation': 'Organisation',
  'home.edition': 'Edition',
  'home.profile': 'Profile',
  'home.email': 'E-mail',
  'home.comingSoon': 'This page is being built.',

  'profile.super_admin': 'Super Admin',
  'profile.administrator': 'Administrator',
  'profile.standard': 'Standard',

  'edition.free': 'Free',
  'edition.standard': 'Standard',
  'edition.professional': 'Professional',
  'edition.enterprise': 'Enterprise',

  'settings.title': 'Settings',
  'settings.setup': 'Setup',
  'settings.usersAndControl': 'Users & Control',
  'settings.users': 'Users',
  'settings.usersBody': 'See who uses {brand} and invite your Microsoft 365 users.',
  'settings.marketplace': 'Marketplace',
  'settings.microsoft': 'Microsoft',
  'settings.microsoftBody': 'Sync your calendar and contacts with Microsoft 365.',
  'settings.back': 'Back to Settings',

  'error.title': 'Something went wrong',
  'error.generic': 'The service could not be reached or did not answer as expected. Try again in a moment.',
  'error.network': 'The service could not be reached. Check your connection and try again.',
  'error.retry': 'Try again',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
