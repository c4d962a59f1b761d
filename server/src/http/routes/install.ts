import { Router, type Response } from 'express';
import { installCallbackQuery } from '../../../../common/api/account.js';
import { verifyInstallState } from '../../auth/installState.js';
import { recordInstallation } from '../../crm/installations.js';
import { AppError } from '../../errors.js';
import type { ServiceDependencies } from '../dependencies.js';
import { errorMessage } from '../../i18n/errorMessages.js';
import { INSTALL_PAGE_TEXT } from '../../i18n/installPage.js';
import { languageFromAcceptLanguage, type Language } from '../../i18n/language.js';

/**
 * `GET /api/install/callback` (public, a browser redirect from Microsoft's admin-consent page). The state must be
 * ours and the consent must be real: the app proves it can now act in the tenant before the tenant counts as installed.
 */
export function installRoutes(deps: ServiceDependencies): Router {
  const router = Router();
  router.get('/api/install/callback', async (req, res) => {
    const language = languageFromAcceptLanguage(req.headers['accept-language']);
    const text = INSTALL_PAGE_TEXT[language];
    const query = installCallbackQuery.parse(req.query);
    if (query.error) {
      deps.logger.info({ error: query.error }, 'admin consent declined');
      return page(res, 200, language, text.cancelledTitle, text.cancelled, deps.config.brandName);
    }
    try {
      const state = verifyInstallState(deps.config.stateSecret, query.state ?? '', deps.now());
      if (query.admin_consent?.toLowerCase() !== 'true' || query.tenant?.toLowerCase() !== state.tenantId) {
        throw new AppError('install_state_invalid', 'callback does not match the state');
      }
      await deps.appAccess(state.tenantId);
      await recordInstallation(deps.store.db, state.tenantId, state.objectId, deps.now());
      deps.logger.info({ tenantId: state.tenantId }, 'tenant installed');
      return page(
        res,
        200,
        language,
        text.installedTitle,
        text.installed(deps.config.brandName),
        deps.config.brandName,
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      deps.logger.warn({ code: error.code, detail: error.detail }, 'install callback refused');
      const status = error.code === 'graph_unavailable' ? 502 : error.code === 'install_state_invalid' ? 400 : 403;
      return page(res, status, language, text.failedTitle, errorMessage(error.code, language), deps.config.brandName);
    }
  });
  return router;
}

function page(res: Response, status: number, language: Language, title: string, message: string, brand: string): void {
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${escapeHtml(title)} – ${escapeHtml(brand)}</title><style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#242424}` +
        `h1{font-size:1.5rem;font-weight:600}p{line-height:1.5}</style></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`,
    );
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
