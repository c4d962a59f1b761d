/** A Graph error: HTTP status, Graph's `code` and a developer message (body shape in graphErrorBody). */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly innerErrorExtra: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Graph writes innerError.date without fraction or zone: "2025-02-13T10:17:06". */
export function graphDate(date = new Date()): string {
  return date.toISOString().replace(/\.\d+Z$/, '');
}

export function graphErrorBody(err: GraphError, requestId: string, clientRequestId: string) {
  return {
    error: {
      code: err.code,
      message: err.message,
      innerError: {
        ...err.innerErrorExtra,
        date: graphDate(),
        'request-id': requestId,
        'client-request-id': clientRequestId,
      },
    },
  };
}

export const graphErrors = {
  tokenEmpty: () => new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.'),
  tokenMalformed: () =>
    new GraphError(
      401,
      'InvalidAuthenticationToken',
      'IDX14100: JWT is not well formed, there are no dots (.).\nThe token needs to be in JWS or JWE Compact Serialization Format.',
    ),
  tokenExpired: () =>
    new GraphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.'),
  tokenInvalid: () =>
    new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.'),
  tokenSignature: () => new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.'),
  directoryDenied: () =>
    new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  mailDenied: () => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.'),
  meNeedsDelegated: () =>
    new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.'),
  userNotFound: (id: string) =>
    new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  /** Graph's throttling answer; `retryAfterSeconds` becomes the Retry-After header when given. */
  tooManyRequests: (retryAfterSeconds?: string) =>
    new GraphError(
      429,
      'TooManyRequests',
      'Please retry again later.',
      retryAfterSeconds !== undefined ? { 'Retry-After': retryAfterSeconds } : {},
      { code: '429', message: 'Please retry after', status: '429' },
    ),
  itemNotFound: () => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.'),
  unsupportedQuery: (message: string) => new GraphError(400, 'Request_UnsupportedQuery', message),
  badRequest: (message: string) => new GraphError(400, 'Request_BadRequest', message),
  noRoute: (path: string) => new GraphError(400, 'BadRequest', `Resource not found for the segment '${path}'.`),
  invalidJson: () =>
    new GraphError(
      400,
      'BadRequest',
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    ),
} as const;
