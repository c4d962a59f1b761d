import type { AppRegistration } from '../devtenant/src/index.js';

/** The app's client id in the local tenant; a real tenant's comes from its Entra app registration (CLIENT_ID). */
export const LOCAL_CLIENT_ID = '3f6c1e2a-9d84-4b7e-a5c3-7e2d9f1b6a08';

/**
 * The Entra app registration the service needs, as aad.manifest.json declares it for a real tenant:
 * an API scope for the add-in's SSO, SPA redirects for the add-in, the admin-consent return, and Graph permissions.
 */
export function localAppRegistration(publicUrl: string, clientSecret: string, brandName: string): AppRegistration {
  const host = new URL(publicUrl).host;
  return {
    clientId: LOCAL_CLIENT_ID,
    clientSecret,
    displayName: brandName,
    applicationIdUri: `api://${host}/${LOCAL_CLIENT_ID}`,
    exposedScopes: ['access_as_user'],
    spaRedirectUris: [`${publicUrl}/auth-redirect.html`, `${publicUrl}/`, `brk-multihub://${host}`],
    webRedirectUris: [`${publicUrl}/api/install/callback`],
    graphDelegatedPermissions: [
      'User.Read',
      'User.ReadBasic.All',
      'Mail.Send',
      'Mail.Read',
      'Calendars.ReadWrite',
      'Contacts.ReadWrite',
      'offline_access',
      'openid',
      'profile',
    ],
    graphApplicationPermissions: [
      'User.Read.All',
      'Mail.Send',
      'Calendars.ReadWrite',
      'Contacts.ReadWrite',
      'Mail.Read',
    ],
  };
}
