import type { Request, Response } from 'express';
import type { DevTenantContext } from '../context.js';
import type { DirectoryUser } from '../directory/directory.js';
import { authorizeErrorParams, sendAuthorizeResponse } from './authorizeResponse.js';
import { missingDelegatedGraphScopes } from './consentPolicy.js';
import { entraErrors } from './entraError.js';
import type { AdminConsentInteraction, AuthorizeInteraction, Interaction } from './interactionStore.js';
import {
  adminConsentPage,
  errorPage,
  needAdminApprovalPage,
  passwordPage,
  pickAccountPage,
} from './pages/signInPages.js';
import { graphNamesIn } from './scopes.js';
import { readCookie, SESSION_COOKIE } from './sessionStore.js';
import { clientInfo } from './tokenIssuer.js';

/** Interactive pages must not be framed (clickjacking), as on Entra; silent prompt=none answers only redirect. */
function sendPage(res: Response, body: string, status = 200): void {
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cache-Control', 'no-store');
  res.status(status).type('html').send(body);
}

export function loginAction(interaction: Interaction): string {
  return `/${encodeURIComponent(interaction.tenantSegment)}/login`;
}

/** The users who may sign in for this interaction (one tenant's, or all for common/organizations). */
export function eligibleUsers(ctx: DevTenantContext, interaction: Interaction): DirectoryUser[] {
  const segment = ctx.directory.resolveSegment(interaction.tenantSegment);
  return segment ? ctx.directory.usersFor(segment) : [];
}

export function sessionUsers(ctx: DevTenantContext, req: Request, interaction: Interaction): DirectoryUser[] {
  const ids = ctx.sessions.userIds(readCookie(req.headers.cookie, SESSION_COOKIE));
  const eligible = eligibleUsers(ctx, interaction);
  return ids.map((id) => eligible.find((u) => u.id === id)).filter((u): u is DirectoryUser => u !== undefined);
}

export function showPicker(
  ctx: DevTenantContext,
  req: Request,
  res: Response,
  id: string,
  interaction: Interaction,
  notice?: string,
): void {
  const app = ctx.directory.app(interaction.clientId);
  sendPage(
    res,
    pickAccountPage({
      action: loginAction(interaction),
      interactionId: id,
      users: eligibleUsers(ctx, interaction),
      signedInIds: sessionUsers(ctx, req, interaction).map((u) => u.id),
      appName: app?.displayName ?? interaction.clientId,
      notice,
    }),
  );
}

export function showPassword(
  res: Response,
  id: string,
  interaction: Interaction,
  user: DirectoryUser,
  error = false,
): void {
  sendPage(res, passwordPage({ action: loginAction(interaction), interactionId: id, user, error }));
}

export function showError(res: Response, code: number, message: string, status = 400): void {
  sendPage(res, errorPage({ code, message }), status);
}

/**
 * Decides the first step of an interaction: silent completion, the password page, or the account picker,
 * following prompt and login_hint as Entra does.
 */
export function startInteraction(
  ctx: DevTenantContext,
  req: Request,
  res: Response,
  id: string,
  interaction: Interaction,
): void {
  const signedIn = sessionUsers(ctx, req, interaction);
  const hint = interaction.kind === 'authorize' ? interaction.loginHint?.toLowerCase() : undefined;
  const hinted = hint
    ? eligibleUsers(ctx, interaction).find((u) => u.userPrincipalName.toLowerCase() === hint)
    : undefined;
  const prompt = interaction.prompt;

  if (interaction.kind === 'authorize' && prompt === 'none') {
    const chosen = hint ? signedIn.find((u) => u.id === hinted?.id) : signedIn.length === 1 ? signedIn[0] : undefined;
    if (chosen) {
      completeAuthorize(ctx, req, res, id, interaction, chosen, true);
      return;
    }
    const err = signedIn.length > 1 && !hint ? entraErrors.interactionRequired() : entraErrors.loginRequired();
    ctx.interactions.finish(id);
    sendAuthorizeResponse(
      res,
      interaction.redirectUri,
      interaction.responseMode,
      authorizeErrorParams(err, interaction.state),
    );
    return;
  }
  if (prompt === 'login') {
    if (hinted) showPassword(res, id, interaction, hinted);
    else showPicker(ctx, req, res, id, interaction);
    return;
  }
  if (prompt === 'select_account') {
    showPicker(ctx, req, res, id, interaction);
    return;
  }
  if (hinted) {
    if (signedIn.some((u) => u.id === hinted.id)) completeInteraction(ctx, req, res, id, interaction, hinted);
    else showPassword(res, id, interaction, hinted);
    return;
  }
  if (signedIn.length === 1) {
    completeInteraction(ctx, req, res, id, interaction, signedIn[0]!);
    return;
  }
  showPicker(ctx, req, res, id, interaction);
}

/** The person is signed in as `user`: finish the authorize or admin consent interaction. */
export function completeInteraction(
  ctx: DevTenantContext,
  req: Request,
  res: Response,
  id: string,
  interaction: Interaction,
  user: DirectoryUser,
): void {
  if (interaction.kind === 'authorize') completeAuthorize(ctx, req, res, id, interaction, user, false);
  else showAdminConsent(ctx, res, id, interaction, user);
}

function completeAuthorize(
  ctx: DevTenantContext,
  req: Request,
  res: Response,
  id: string,
  interaction: AuthorizeInteraction,
  user: DirectoryUser,
  silent: boolean,
): void {
  const app = ctx.directory.app(interaction.clientId)!;
  const tenant = ctx.directory.tenant(user.tenantId)!;
  const missing = missingDelegatedGraphScopes(
    ctx.consents,
    tenant.id,
    app,
    graphNamesIn(ctx.directory, interaction.scope, tenant.displayName),
  );
  if (missing.length > 0) {
    if (silent) {
      ctx.interactions.finish(id);
      const err = entraErrors.consentRequired(app.clientId, app.displayName);
      sendAuthorizeResponse(res, interaction.redirectUri, interaction.responseMode, {
        ...authorizeErrorParams(err, interaction.state),
        error: 'consent_required',
      });
      return;
    }
    sendPage(
      res,
      needAdminApprovalPage({ app, user, action: loginAction(interaction), interactionId: id, reason: 'consent' }),
    );
    return;
  }
  ctx.interactions.finish(id);
  const code = ctx.grants.issueCode({
    clientId: app.clientId,
    redirectUri: interaction.redirectUri,
    isSpa: interaction.isSpa,
    codeChallenge: interaction.codeChallenge,
    codeChallengeMethod: interaction.codeChallengeMethod,
    scope: interaction.scope,
    nonce: interaction.nonce,
    userId: user.id,
    tenantId: user.tenantId,
  });
  sendAuthorizeResponse(res, interaction.redirectUri, interaction.responseMode, {
    code,
    client_info: interaction.wantsClientInfo ? clientInfo(user) : undefined,
    state: interaction.state,
    session_state: user.id,
  });
}

function showAdminConsent(
  ctx: DevTenantContext,
  res: Response,
  id: string,
  interaction: AdminConsentInteraction,
  user: DirectoryUser,
): void {
  const app = ctx.directory.app(interaction.clientId)!;
  const segment = ctx.directory.resolveSegment(interaction.tenantSegment);
  const tenantMatches = segment?.kind !== 'tenant' || segment.tenant.id === user.tenantId;
  if (!user.isGlobalAdmin || !tenantMatches) {
    sendPage(
      res,
      needAdminApprovalPage({ app, user, action: loginAction(interaction), interactionId: id, reason: 'not-admin' }),
    );
    return;
  }
  const tenant = ctx.directory.tenant(user.tenantId)!;
  interaction.consentingUserId = user.id;
  sendPage(
    res,
    adminConsentPage({
      action: `/${encodeURIComponent(interaction.tenantSegment)}/adminconsent/decision`,
      interactionId: id,
      app,
      user,
      tenantName: tenant.displayName,
    }),
  );
}
