// GET /api/v1/openapi.json (the OpenAPI 3.1 document) and GET /api/v1/docs (the same, to browse).
import Router from '@koa/router';
import type { IngestState } from '../../context.ts';
import { openApiDocument } from '../../openapi/document.ts';
import { docsPage } from '../../openapi/docs-page.ts';

export const openApiRouter = new Router<IngestState>({ prefix: '/api/v1' });

openApiRouter.get('/openapi.json', (ctx) => {
  ctx.body = openApiDocument();
});

openApiRouter.get('/docs', (ctx) => {
  ctx.type = 'html';
  ctx.body = docsPage();
});
