/** An Entra app registration as the local tenant knows it (multi-tenant, like the product's). */
export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  displayName: string;
  /** e.g. api://localhost:3000/<clientId> */
  applicationIdUri: string;
  /** e.g. ['access_as_user'] */
  exposedScopes: string[];
  /** SPA platform: public-client auth code + PKCE; their origins get CORS on the token endpoint. */
  spaRedirectUris: string[];
  /** Web platform, e.g. the admin consent callback. */
  webRedirectUris: string[];
  graphDelegatedPermissions: string[];
  graphApplicationPermissions: string[];
}
