// GET /api/v1/agencies and /trades: who acts and in which trade, by name, so no screen shows a raw id. Public names.
import Router from '@koa/router';
import { listAgencies, listTrades } from '../../../sql/queries/catalog.ts';
import type { IngestState } from '../../context.ts';
import type { AgencyDTO, TradeDTO } from '../../presenters/dto.ts';

export const agenciesRouter = new Router<IngestState>({ prefix: '/api/v1' });

agenciesRouter.get('/agencies', async (ctx) => {
  const rows = await listAgencies(ctx.state.deps.db);
  ctx.set('Cache-Control', 'public, max-age=300');
  ctx.body = {
    agencies: rows.map((a) => ({ id: a.id, nameVi: a.name_vi, nameEn: a.name_en, kind: a.kind })),
  } satisfies { agencies: AgencyDTO[] };
});

agenciesRouter.get('/trades', async (ctx) => {
  const rows = await listTrades(ctx.state.deps.db);
  ctx.set('Cache-Control', 'public, max-age=300');
  ctx.body = { trades: rows.map((t) => ({ code: t.code, nameVi: t.name_vi, nameEn: t.name_en })) } satisfies {
    trades: TradeDTO[];
  };
});
