// GET /api/v1/agencies: who acts on reports, by name, so no screen shows a raw agency id. Public: names are public.
import Router from '@koa/router';
import { listAgencies } from '../../../sql/queries/catalog.ts';
import type { IngestState } from '../../context.ts';
import type { AgencyDTO } from '../../presenters/dto.ts';

export const agenciesRouter = new Router<IngestState>({ prefix: '/api/v1' });

agenciesRouter.get('/agencies', async (ctx) => {
  const rows = await listAgencies(ctx.state.deps.db);
  ctx.set('Cache-Control', 'public, max-age=300');
  ctx.body = {
    agencies: rows.map((a) => ({ id: a.id, nameVi: a.name_vi, nameEn: a.name_en, kind: a.kind })),
  } satisfies { agencies: AgencyDTO[] };
});
