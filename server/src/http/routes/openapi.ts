import { Router } from 'express';
import { openApiDocument } from '../../../../common/api/openapi.js';

/** `GET /api/openapi.json` (public, like any published API description): the contract as OpenAPI 3.1. */
export function openApiRoutes(): Router {
  const router = Router();
  // Generated once, on first request: the same for every caller and the process's whole life.
  let document: string | undefined;
  router.get('/api/openapi.json', (_req, res) => {
    document ??= JSON.stringify(openApiDocument());
    res.type('json').send(document);
  });
  return router;
}
