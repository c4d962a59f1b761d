import { Router } from 'express';
import type { ServiceDependencies } from '../dependencies.js';
import { languageFromAcceptLanguage } from '../../i18n/language.js';
import { LEGAL_PAGES } from '../../i18n/legalPages.js';

/** `/terms.html` and `/privacy.html`, which the app manifest's developer block links to. */
export function legalRoutes({ config }: ServiceDependencies): Router {
  const router = Router();
  for (const name of ['terms', 'privacy'] as const) {
    router.get(`/${name}.html`, (req, res) => {
      const language = languageFromAcceptLanguage(req.headers['accept-language']);
      const page = LEGAL_PAGES[name][language];
      const body = page
        .paragraphs(config.brandName)
        .map((p) => `<p>${p}</p>`)
        .join('');
      res
        .type('html')
        .send(
          `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
            `<title>${page.title} – ${config.brandName}</title><style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#242424}</style>` +
            `</head><body><h1>${page.title}</h1>${body}</body></html>`,
        );
    });
  }
  return router;
}
