import express, { Router, type Request, type Response } from 'express';
import type { DevTenantContext } from '../../context.js';
import { entraErrors } from '../entraError.js';
import { showError, startInteraction } from '../interactionFlow.js';
import type { AdminConsentInteraction } from '../interactionStore.js';

function param(req: Request, name: string): string | undefined {
  const v = req.query[name];
  return typeof v === 'string' ? v : undefined;
}

function redirectWith(res: Response, redirectUri: string, params: Record<string, string | undefined>): void {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.append(k, v);
  res.redirect(302, url.toString());
}

/** GET /{tenant}/adminconsent (and the v2.0 form) with the Accept / Cancel decision. */
export function adminConsentRoutes(ctx: DevTenantContext): Router {
  const router = Router();

  const start = (v2: boolean) => (req: Request, res: Response) => {
    const tenant = String(req.params.tenant);
    const segment = ctx.directory.resolveSegment(tenant);
    if (!segment) {
      const err = entraErrors.tenantNotFound(tenant);
      showError(res, err.aadsts, err.detail);
      return;
    }
    const clientId = param(req, 'client_id');
    const app = ctx.directory.app(clientId);
    if (!clientId || !app) {
      const err = entraErrors.appNotFound(
        clientId ?? '',
        segment.kind === 'tenant' ? segment.tenant.displayName : tenant,
      );
      showError(res, err.aadsts, err.detail);
      return;
    }
    const redirectUri = param(req, 'redirect_uri');
    if (!redirectUri || !app.webRedirectUris.includes(redirectUri)) {
      const err = entraErrors.redirectMismatch(redirectUri ?? '', app.clientId);
      showError(res, err.aadsts, err.detail);
      return;
    }
    const interaction: AdminConsentInteraction = {
      kind: 'adminconsent',
      tenantSegment: tenant,
      clientId: app.clientId,
      redirectUri,
      state: param(req, 'state'),
      scope: v2 ? (param(req, 'scope') ?? 'https://graph.microsoft.com/.default') : undefined,
      prompt: param(req, 'prompt'),
    };
    startInteraction(ctx, req, res, ctx.interactions.create(interaction), interaction);
  };
  router.get('/:tenant/adminconsent', start(false));
  router.get('/:tenant/v2.0/adminconsent', start(true));

  router.post('/:tenant/adminconsent/decision', express.urlencoded({ extended: false }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    const id = body.interaction ?? '';
    const interaction = ctx.interactions.get(id);
    const user =
      interaction?.kind === 'adminconsent' && interaction.consentingUserId
        ? ctx.directory.userById(interaction.consentingUserId)
        : undefined;
    if (!interaction || interaction.kind !== 'adminconsent' || !user || !user.isGlobalAdmin) {
      showError(
        res,
        50196,
        'Your consent request has expired or was already used. Start the consent again from the application.',
      );
      return;
    }
    ctx.interactions.finish(id);
    if (body.decision !== 'accept') {
      redirectWith(res, interaction.redirectUri, {
        error: 'access_denied',
        error_subcode: 'cancel',
        error_description: 'AADSTS65004: User declined to consent to access the app.',
        state: interaction.state,
      });
      return;
    }
    const app = ctx.directory.app(interaction.clientId)!;
    ctx.consents.grant({
      tenantId: user.tenantId,
      clientId: app.clientId,
      delegatedScopes: [...app.graphDelegatedPermissions],
      applicationRoles: [...app.graphApplicationPermissions],
      grantedAt: new Date().toISOString(),
      grantedBy: user.userPrincipalName,
    });
    redirectWith(res, interaction.redirectUri, {
      admin_consent: 'True',
      tenant: user.tenantId,
      ...(interaction.scope !== undefined ? { scope: interaction.scope } : {}),
      state: interaction.state,
    });
  });
  return router;
}
