import express, { Router } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceDependencies } from './dependencies.js';
import { hashedAssets } from './hashedAssets.js';

const LOCAL_OFFICE_JS = '/office-js/office.js';

/**
 * The built add-in, the ribbon icons, and Office.js. The task pane page loads Office.js from the configured CDN
 * (OFFICE_JS_URL) or, when none is configured, from the copy in the @microsoft/office-js package served here.
 */
export function staticRoutes({ config, paths }: ServiceDependencies): Router {
  const router = Router();
  // Only the ribbon icons: the icons folder also holds the script that draws them.
  router.get(/^\/assets\/icons\/(icon-(?:16|32|80)\.png)$/, (req, res) => {
    res.set('Cache-Control', 'public, max-age=86400').sendFile(String(req.params[0]), { root: paths.icons });
  });
  // A file that is not there falls through to the 404 at the end.
  router.use('/office-js', express.static(paths.officeJs, { maxAge: '1d' }));

  const officeJsUrl = config.officeJsUrl ?? LOCAL_OFFICE_JS;
  let taskpane: string | undefined;
  router.get('/taskpane.html', (_req, res, next) => {
    const file = join(paths.addinDist, 'taskpane.html');
    if (!existsSync(file)) return next();
    taskpane ??= readFileSync(file, 'utf8').replaceAll('%OFFICE_JS_URL%', officeJsUrl);
    res.type('html').set('Cache-Control', 'no-cache').send(taskpane);
  });
  router.use('/assets', hashedAssets(join(paths.addinDist, 'assets')));
  // The pages: never cached long, so a new build (new asset names) reaches users on their next load.
  router.use(express.static(paths.addinDist, { index: 'index.html', setHeaders: noCacheForHtml }));
  router.get('/', (_req, res) => {
    res.status(503).type('text').send('The add-in has not been built yet: run `npm run build:addin`, then reload.');
  });
  return router;
}

function noCacheForHtml(res: express.Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
