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
  'noAccess.hint':
    'A user of {organisation} who can manage users has to add you. Select Request Access to ask them by e-mail, or Check again once they have added you.',
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

  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.requestedOn': 'Requested on {date}',

  'invited.title': 'Join {organisation} in {brand}',
  'invited.titleUnknown': 'You are invited to {brand}',
  'invited.body':
    'You have been invited to the {brand} account of {organisation}. Accept the terms and select Continue to join it with your Microsoft 365 address {email}.',
  'invited.bodyUnknown':
    'You have been invited to a {brand} account. Accept the terms and select Continue to join it with your Microsoft 365 address {email}.',
  'invited.expires': 'The invitation is valid until {date}.',
  'invited.joining': 'Joining…',
  'invited.linkNote':
    'If you link an existing {brand} account with another e-mail address instead, you do not join the organisation that invited you: you stay in the organisation of the account you link.',
  'invited.linkProblem': 'This invitation link cannot be used',
  'invited.withoutLink': 'Continue without the invitation link',
  'invited.alreadyMember': 'You already use {brand} in {organisation}, so the invitation link was not needed.',

  'access.request': 'Request Access',
  'access.requesting': 'Sending your request…',

  'requestPending.title': 'Your request is waiting for approval',
  'requestPending.body':
    'Your request to join {brand} was sent to the administrators of {organisation}. You will get an e-mail as soon as one of them has decided.',
  'requestPending.stillPending': 'No decision yet. You will get an e-mail when there is one.',
  'requestPending.sent': 'Your request was sent to {count} administrators of {organisation}.',
  'requestPending.mailFailed':
    'Your request is recorded, but the e-mail did not reach {count} administrators. They still see it on their Users page.',

  'requestPending.sentOne': 'Your request was sent to the administrator of {organisation}.',
  'requestPending.mailFailedOne':
    'Your request is recorded, but the e-mail did not reach one administrator. They still see it on their Users page.',

  'requestDeclined.title': 'Your request was declined',
  'requestDeclined.body':
    'An administrator of {organisation} declined your request to join {brand} on {date}. If you think this was a mistake, talk to them, then request access again.',

  'users.intro': 'Everyone who uses {brand} in {organisation}, and the people invited or asking to join.',
  'users.office365': 'Office 365 Users',
  'users.newUser': 'New User',
  'users.upgradeHint':
    'Inviting Office 365 users is available in the paid editions; {organisation} uses the {edition} edition. Upgrade to use it. New User works in every edition.',
  'users.loading': 'Loading users…',
  'users.refresh': 'Refresh',
  'users.noPermission': 'You cannot manage users',
  'users.tableLabel': 'CRM users',
  'users.colName': 'Name',
  'users.colEmail': 'E-mail',
  'users.colProfile': 'Profile',
  'users.colStatus': 'Status',
  'users.you': 'you',
  'users.requestsHeading': 'Access requests',
  'users.requestsEmpty': 'No open requests.',
  'users.review': 'Review',
  'users.reviewLabel': 'Review the request from {name}',
  'users.invitationsHeading': 'Invitations',
  'users.invitationsEmpty': 'No invitations yet.',
  'users.invitedOn': 'Invited on {date}',
  'users.expiresOn': 'valid until {date}',
  'users.viaOffice365': 'Office 365',
  'users.viaEmail': 'E-mail',
  'users.resend': 'Resend',
  'users.resendLabel': 'Resend the invitation to {email}',
  'users.revoke': 'Revoke',
  'users.revokeLabel': 'Revoke the invitation to {email}',
  'users.revokeTitle': 'Revoke invitation?',
  'users.revokeBody': 'The link sent to {email} stops working. You can invite them again later.',
  'users.resent': 'The invitation to {email} was sent again.',
  'users.resendFailed':
    'The invitation to {email} is still valid, but the e-mail could not be sent. Try again later.',
  'users.revoked': 'The invitation to {email} was revoked.',

  'userStatus.active': 'Active',
  'userStatus.inactive': 'Inactive',

  'invitationState.pending': 'Pending',
  'invitationState.not_sent': 'Not sent',
  'invitationState.expired': 'Expired',
  'invitationState.accepted': 'Accepted',
  'invitationState.revoked': 'Revoked',

  'addUsers.title': 'Add Users',
  'addUsers.body':
    'Choose the people from your Microsoft 365 directory who should use {brand}. Each of them gets an invitation e-mail.',
  'addUsers.search': 'Search',
  'addUsers.searchPlaceholder': 'Name, e-mail or job title',
  'addUsers.loading': 'Loading your directory…',
  'addUsers.listLabel': 'People in your directory',
  'addUsers.alreadyInvited': 'Already invited',
  'addUsers.none': 'Everyone in your directory already uses {brand}.',
  'addUsers.noMatch': 'Nobody matches “{query}”.',
  'addUsers.selected': '{count} selected',
  'addUsers.save': 'Save',
  'addUsers.saving': 'Sending invitations…',
  'addUsers.summary': '{invited} of {total} invited.',
  'addUsers.resultLabel': 'Result per person',

  'outcome.invited': 'Invitation sent',
  'outcome.already_member': 'Already a user',
  'outcome.already_invited': 'Already invited',
  'outcome.not_in_directory': 'Not found in the directory',
  'outcome.mail_failed': 'Invitation created, but the e-mail could not be sent; use Resend later',

  'newUser.title': 'New User',
  'newUser.body': 'Invite anyone by e-mail address; they do not need a Microsoft 365 account of your organisation.',
  'newUser.name': 'Name (optional)',
  'newUser.email': 'E-mail address',
  'newUser.invalidEmail': 'Enter a valid e-mail address, like name@example.com.',
  'newUser.submit': 'Send invitation',
  'newUser.sending': 'Sending…',
  'newUser.sent': 'An invitation was sent to {email}.',
  'newUser.outcome': '{email}: {outcome}.',

  'review.title': 'Add New User',
  'review.body': '{name} asked to join {brand}. Approve & Add makes them a Standard user; both answers are mailed to them.',
  'review.name': 'Name',
  'review.email': 'E-mail',
  'review.requestedOn': 'Requested on',
  'review.approve': 'Approve & Add',
  'review.decline': 'Decline',
  'review.loading': 'Loading the request…',
  'review.deciding': 'Saving your decision…',
  'review.approved': '{name} was added as a user and gets an e-mail.',
  'review.declined': 'You declined the request from {name}. They get an e-mail.',
  'review.alreadyApproved': 'This request was already approved on {date}.',
  'review.alreadyDeclined': 'This request was already declined on {date}.',
  'review.invalidLink': 'This approval link is not valid. Open the request from the Users page instead.',

  'error.title': 'Something went wrong',
  'error.generic': 'The service could not be reached or did not answer as expected. Try again in a moment.',
  'error.network': 'The service could not be reached. Check your connection and try again.',
  'error.retry': 'Try again',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
