import { newGuid } from '../shared/ids.js';

/** An OAuth error as Entra reports it: `error`, an `AADSTSnnnn:` description and the numeric code. */
export class EntraError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404,
    readonly error: string,
    readonly aadsts: number,
    readonly detail: string,
    readonly suberror?: string,
  ) {
    super(`AADSTS${aadsts}: ${detail}`);
  }
}

function entraTimestamp(date: Date): string {
  // Entra writes "2025-01-31 12:34:56Z" (space, no fraction).
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
}

/** The JSON body of a token endpoint error, field for field like Entra's. */
export function entraErrorBody(err: EntraError, correlationId?: string) {
  const traceId = newGuid();
  const correlation = correlationId ?? newGuid();
  const timestamp = entraTimestamp(new Date());
  return {
    error: err.error,
    error_description: `AADSTS${err.aadsts}: ${err.detail} Trace ID: ${traceId} Correlation ID: ${correlation} Timestamp: ${timestamp}`,
    error_codes: [err.aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlation,
    error_uri: `https://login.microsoftonline.com/error?code=${err.aadsts}`,
    ...(err.suberror ? { suberror: err.suberror } : {}),
  };
}

/** Entra's wording for the errors the local tenant produces, so callers can match on code and read familiar text. */
export const entraErrors = {
  tenantNotFound: (tenant: string) =>
    new EntraError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    ),
  appNotFound: (clientId: string, tenant: string) =>
    new EntraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    ),
  redirectMismatch: (redirectUri: string, clientId: string) =>
    new EntraError(
      400,
      'invalid_request',
      50011,
      `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
    ),
  missingParameter: (name: string) =>
    new EntraError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  unsupportedGrant: (grant: string) =>
    new EntraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`),
  invalidSecret: (clientId: string) =>
    new EntraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    ),
  secretRequired: () =>
    new EntraError(
      401,
      'invalid_client',
      7000218,
      `The request body must contain the following parameter: 'client_assertion' or 'client_secret'.`,
    ),
  badCredentials: () =>
    new EntraError(400, 'invalid_grant', 50126, 'Error validating credentials due to invalid username or password.'),
  userNotInTenant: (upn: string, tenantName: string) =>
    new EntraError(
      400,
      'invalid_grant',
      50034,
      `The user account ${upn} does not exist in the ${tenantName} directory. To sign into this application, the account must be added to the directory.`,
    ),
  codeRedeemed: () =>
    new EntraError(
      400,
      'invalid_grant',
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    ),
  codeInvalid: () => new EntraError(400, 'invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.'),
  codeExpired: () =>
    new EntraError(
      400,
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    ),
  pkceMismatch: () =>
    new EntraError(
      400,
      'invalid_grant',
      501481,
      'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
    ),
  pkceRequired: () =>
    new EntraError(
      400,
      'invalid_request',
      9002325,
      'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
    ),
  spaNeedsCors: () =>
    new EntraError(
      400,
      'invalid_request',
      9002327,
      "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
    ),
  crossOriginNotSpa: () =>
    new EntraError(
      400,
      'invalid_request',
      9002326,
      "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
    ),
  redirectUriChanged: () =>
    new EntraError(
      400,
      'invalid_grant',
      70000,
      "Provided grant is invalid or malformed. The 'redirect_uri' does not match the one used in the authorization request.",
    ),
  refreshInvalid: () =>
    new EntraError(
      400,
      'invalid_grant',
      9002313,
      'Invalid request. Request is malformed or invalid. The refresh token is malformed or not valid.',
    ),
  refreshWrongClient: () =>
    new EntraError(
      400,
      'invalid_grant',
      70000,
      'Provided grant is invalid or malformed. The refresh token was issued to a different client.',
    ),
  invalidScope: (scope: string) =>
    new EntraError(
      400,
      'invalid_scope',
      70011,
      `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`,
    ),
  multipleResources: (scope: string) =>
    new EntraError(
      400,
      'invalid_request',
      28000,
      `Provided value for the input parameter scope is not valid because it contains more than one resource. Scope ${scope} is not valid.`,
    ),
  resourceNotFound: (resource: string, tenantName: string) =>
    new EntraError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
    ),
  clientCredentialsScope: (scope: string) =>
    new EntraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    ),
  tenantRequired: (tenant: string) =>
    new EntraError(
      400,
      'invalid_request',
      90133,
      `The tenant '${tenant}' is not supported for this flow. Use a tenant-specific endpoint or configure the application to be multi-tenant.`,
    ),
  consentRequired: (clientId: string, appName: string) =>
    new EntraError(
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
      'consent_required',
    ),
  assertionInvalid: (reason: string) =>
    new EntraError(400, 'invalid_grant', 50013, `Assertion failed signature validation. [Reason - ${reason}]`),
  assertionExpired: (now: Date, exp: Date) =>
    new EntraError(
      400,
      'invalid_grant',
      500133,
      `Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token. Current time: ${now.toISOString()}, expiry time of assertion ${exp.toISOString()}.`,
    ),
  oboAudience: () =>
    new EntraError(
      400,
      'invalid_grant',
      50013,
      'Assertion failed signature validation. [Reason - Assertion audience does not match the Client app presenting the assertion. The audience in the assertion must match the client_id of the calling app.]',
    ),
  oboNotUser: () =>
    new EntraError(
      400,
      'invalid_grant',
      50013,
      'Assertion contains an invalid user principal. On-behalf-of is supported only for user tokens.',
    ),
  responseTypeUnsupported: (type: string) =>
    new EntraError(
      400,
      'unsupported_response_type',
      700051,
      `response_type '${type}' is not enabled for the application.`,
    ),
  loginRequired: () =>
    new EntraError(400, 'login_required', 50058, 'A silent sign-in request was sent but no user is signed in.'),
  interactionRequired: () =>
    new EntraError(
      400,
      'interaction_required',
      16000,
      'One or more signed-in users are available but none was selected; the request must be interactive.',
    ),
  accessDeniedCancel: () => new EntraError(400, 'access_denied', 65004, 'User declined to consent to access the app.'),
} as const;
