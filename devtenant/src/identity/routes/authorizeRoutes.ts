import express, { Router, type Request } from 'express';
import type { DevTenantContext } from '../../context.js';
import { authorizeErrorParams, sendAuthorizeResponse } from '../authorizeResponse.js';
import { EntraError, entraErrors } from '../entraError.js';
import {
  completeInteraction,
  eligibleUsers,
  sessionUsers,
  showError,
  showPassword,
  showPicker,
  startInteraction,
} from '../interactionFlow.js';
import type { AuthorizeInteraction, ResponseMode } from '../interactionStore.js';
import { parseScopes } from '../scopes.js';
import { readCookie, SESSION_COOKIE, sessionCookieHeader } from '../sessionStore.js';

function query(req: Request): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(req.query)) out[k] = typeof v === 'string' ? v : undefined;
  return out;
}

const RESPONSE_MODES: readonly ResponseMode[] = ['query', 'fragment', 'form_post'];

/** GET /{tenant}/oauth2/v2.0/authorize and the sign-in form posts (POST /{tenant}/login). */
export function authorizeRoutes(ctx: DevTenantContext): Router {
  const router = Router();

  router.get('/:tenant/oauth2/v2.0/authorize', (req, res) => {
    const q = query(req);
    const segment = ctx.directory.resolveSegment(req.params.tenant);
    if (!segment) {
      const err = entraErrors.tenantNotFound(req.params.tenant);
      showError(res, err.aadsts, err.detail);
      return;
    }
    const app = ctx.directory.app(q.client_id);
    if (!q.client_id || !app) {
      const err = entraErrors.appNotFound(
        q.client_id ?? '',
        segment.kind === 'tenant' ? segment.tenant.displayName : req.params.tenant,
      );
      showError(res, err.aadsts, err.detail);
      return;
    }
    if (!q.redirect_uri) {
      showError(res, 900971, 'No reply address provided.');
      return;
    }
    const isSpa = app.spaRedirectUris.includes(q.redirect_uri);
    if (!isSpa && !app.webRedirectUris.includes(q.redirect_uri)) {
      const err = entraErrors.redirectMismatch(q.redirect_uri, app.clientId);
      showError(res, err.aadsts, err.detail);
      return;
    }
    // From here on errors go back to the (verified) redirect URI, per OAuth 2.0.
    const mode: ResponseMode = RESPONSE_MODES.includes(q.response_mode as ResponseMode)
      ? (q.response_mode as ResponseMode)
      : 'query';
    const fail = (err: EntraError) =>
      sendAuthorizeResponse(res, q.redirect_uri!, mode, authorizeErrorParams(err, q.state));
    if (q.response_type !== 'code') {
      fail(entraErrors.responseTypeUnsupported(q.response_type ?? ''));
      return;
    }
    if (isSpa && (!q.code_challenge || q.code_challenge_method !== 'S256')) {
      fail(entraErrors.pkceRequired());
      return;
    }
    if (q.code_challenge_method && !['S256', 'plain'].includes(q.code_challenge_method)) {
      fail(
        new EntraError(
          400,
          'invalid_request',
          5000131,
          `The code_challenge_method '${q.code_challenge_method}' is not supported.`,
        ),
      );
      return;
    }
    if (!q.scope) {
      fail(entraErrors.missingParameter('scope'));
      return;
    }
    try {
      parseScopes(
        ctx.directory,
        q.scope,
        segment.kind === 'tenant' ? segment.tenant.displayName : req.params.tenant,
        true,
      );
    } catch (err) {
      if (err instanceof EntraError) {
        fail(err);
        return;
      }
      throw err;
    }
    const interaction: AuthorizeInteraction = {
      kind: 'authorize',
      tenantSegment: req.params.tenant,
      clientId: app.clientId,
      redirectUri: q.redirect_uri,
      isSpa,
      responseMode: mode,
      scope: q.scope,
      state: q.state,
      nonce: q.nonce,
      codeChallenge: q.code_challenge,
      codeChallengeMethod: q.code_challenge ? (q.code_challenge_method ?? 'plain') : undefined,
      loginHint: q.login_hint,
      prompt: q.prompt,
      wantsClientInfo: q.client_info === '1',
    };
    startInteraction(ctx, req, res, ctx.interactions.create(interaction), interaction);
  });

  router.post('/:tenant/login', express.urlencoded({ extended: false }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const id = body.interaction ?? '';
    const interaction = ctx.interactions.get(id);
    if (!interaction) {
      showError(
        res,
        50196,
        'Your sign-in request has expired or was already used. Go back to the application and sign in again.',
      );
      return;
    }
    if (body.picker) {
      showPicker(ctx, req, res, id, interaction);
      return;
    }
    const login = (body.login ?? '').trim().toLowerCase();
    const user = eligibleUsers(ctx, interaction).find((u) => u.userPrincipalName.toLowerCase() === login);
    if (!user) {
      showPicker(
        ctx,
        req,
        res,
        id,
        interaction,
        "We couldn't find an account with that username. Try another, or pick one of the accounts below.",
      );
      return;
    }
    if (body.passwd === undefined) {
      const alreadySignedIn = sessionUsers(ctx, req, interaction).some((u) => u.id === user.id);
      if (alreadySignedIn && interaction.prompt !== 'login') completeInteraction(ctx, req, res, id, interaction, user);
      else showPassword(res, id, interaction, user);
      return;
    }
    if (body.passwd !== ctx.password) {
      showPassword(res, id, interaction, user, true);
      return;
    }
    const sessionId = ctx.sessions.signIn(readCookie(req.headers.cookie, SESSION_COOKIE), user.id);
    res.setHeader('Set-Cookie', sessionCookieHeader(sessionId));
    // Later steps of this request must see the new session.
    req.headers.cookie = `${SESSION_COOKIE}=${sessionId}`;
    completeInteraction(ctx, req, res, id, interaction, user);
  });

  return router;
}
