import type { RequestHandler, Response } from 'express';
import type { TokenValidator } from '../auth/tokenValidator.js';
import type { MicrosoftIdentity } from '../crm/identity.js';

/** Refuses the request with 401 unless it carries a valid token for this API; the identity goes to res.locals. */
export function requireIdentity(validator: TokenValidator): RequestHandler {
  return (req, res, next) => {
    validator.validate(req.headers.authorization).then((identity) => {
      res.locals.identity = identity;
      next();
    }, next);
  };
}

export function identityOf(res: Response): MicrosoftIdentity {
  const identity = res.locals.identity as MicrosoftIdentity | undefined;
  if (!identity) throw new Error('identityOf called on a route without requireIdentity');
  return identity;
}
