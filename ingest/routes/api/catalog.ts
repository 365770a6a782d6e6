// Read-only catalog and aggregate endpoints the maps load on start.
import Router from '@koa/router';
import { bigintToCell, cellsCoveringBox } from '../../../geo/h3.ts';
import { HttpError } from '../../http-error.ts';
import { WHOLE_AREA_MAX_RES, countByCell, countGroupsOfAtLeast, reportStats } from '../../../sql/queries/reports.ts';
import { MIN_GROUP, PUBLIC_RES, SENSITIVE_RES } from '../../../geo/privacy.ts';
import type { IngestState } from '../../context.ts';
import type { CellsDTO, StatsDTO } from '../../presenters/dto.ts';
import { cellsQuerySchema } from '../../schemas/report-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { SharedAnswers } from '../../shared-answers.ts';
import type { Db } from '../../../sql/db.ts';

export const catalogRouter = new Router<IngestState>({ prefix: '/api/v1' });

/** Per database (tests run several apps in one process): the answers every open screen asks for each second. */
const shared = new WeakMap<Db, { stats: SharedAnswers<StatsDTO>; cells: SharedAnswers<CellsDTO> }>();
function sharedFor(db: Db) {
  let s = shared.get(db);
  if (!s) shared.set(db, (s = { stats: new SharedAnswers(1000), cells: new SharedAnswers(1000) }));
  return s;
}

catalogRouter.get('/categories', (ctx) => {
  ctx.body = { categories: ctx.state.deps.catalog.categories };
});

catalogRouter.get('/areas.geojson', (ctx) => {
  const level = ctx.query.level === 'province' ? 'province' : 'commune';
  ctx.type = 'application/geo+json';
  ctx.set('Cache-Control', 'public, max-age=3600');
  ctx.body = ctx.state.deps.areasGeojson[level];
});

catalogRouter.get('/session', (ctx) => {
  ctx.body = { audience: ctx.state.actor.kind };
});

catalogRouter.get('/config', (ctx) => {
  ctx.body = { mapStyleUrl: ctx.state.deps.mapStyleUrl ?? null };
});

/** A viewport's cells: enough for a zoomed-in map, refused for a box too large for the resolution. */
const MAX_VIEWPORT_CELLS = 20_000;
function viewportCells(bbox: [number, number, number, number], res: number, windowed: boolean) {
  const cells = cellsCoveringBox(bbox, res, MAX_VIEWPORT_CELLS);
  // Fine windows read the hourly rollup, keyed by res-10 cells, so they need the box at res 10 too.
  const cells10 =
    !windowed || res <= 7 ? undefined : res === 10 ? cells : cellsCoveringBox(bbox, 10, MAX_VIEWPORT_CELLS * 4);
  if (!cells || cells10 === null) {
    throw new HttpError(
      422,
      'validation_failed',
      `bbox: too large for res ${res}; zoom in or ask for a coarser res`,
      'Vùng quá lớn cho độ phân giải này',
      [{ field: 'bbox', reason: `covers more than ${MAX_VIEWPORT_CELLS} cells at res ${res}` }],
    );
  }
  return { cells, cells10 };
}

catalogRouter.get('/cells', async (ctx) => {
  const q = parseOr422(cellsQuerySchema, ctx.query);
  const { deps, actor } = ctx.state;
  if (actor.kind !== 'staff' && q.res > PUBLIC_RES) {
    // Public positions are snapped to res-9 centres; finer public counts would hand that precision back.
    throw new HttpError(
      422,
      'validation_failed',
      `res: the public map is limited to res ${PUBLIC_RES}`,
      `Bản đồ công khai chỉ tới độ phân giải ${PUBLIC_RES}`,
      [{ field: 'res', reason: `must be <= ${PUBLIC_RES} without staff credentials` }],
    );
  }
  if (!q.bbox && q.res > WHOLE_AREA_MAX_RES) {
    // The same bound as a viewport's: a province at res 9 is over 100,000 cells (6-12 MB, 0.3-0.6 s of
    // database time per call on a public endpoint). Maps ask per viewport from res 8 on.
    throw new HttpError(
      422,
      'validation_failed',
      `bbox: required at res ${q.res}; without one at most res ${WHOLE_AREA_MAX_RES}`,
      `Cần bbox (vùng nhìn) ở độ phân giải ${q.res}`,
      [
        {
          field: 'bbox',
          reason: `required above res ${WHOLE_AREA_MAX_RES}: the whole province would be over ${MAX_VIEWPORT_CELLS} cells`,
        },
      ],
    );
  }
  // Sensitive categories are never counted per fine cell for the public.
  const excludeCategories = actor.kind === 'staff' ? [] : [...deps.catalog.sensitive];
  const within = q.bbox ? viewportCells(q.bbox, q.res, Boolean(q.since || q.status)) : undefined;
  const answer = async (): Promise<CellsDTO> => {
    const rows = await countByCell(deps.db, { ...q, excludeCategories, within });
    const hex = (list: { cell: string; count: number }[]) =>
      list.map((r) => ({ cell: bigintToCell(r.cell), count: r.count }));
    const body: CellsDTO = { res: q.res, cells: hex(rows) };
    if (actor.kind !== 'staff') {
      // The public sees sensitive categories only as coarse, k-anonymous all-time counts (geo/privacy's rule).
      const groups = await countGroupsOfAtLeast(deps.db, [...deps.catalog.sensitive], SENSITIVE_RES, MIN_GROUP);
      body.sensitive = { res: SENSITIVE_RES, k: MIN_GROUP, cells: hex(groups) };
    }
    return body;
  };
  // Province-wide questions are the same for every viewer of an audience: share them; viewports differ.
  ctx.body = q.bbox
    ? await answer()
    : await sharedFor(deps.db).cells.get(`${actor.kind === 'staff' ? 'staff' : 'public'}?${ctx.querystring}`, answer);
});

catalogRouter.get('/stats', async (ctx) => {
  const { db } = ctx.state.deps;
  ctx.body = await sharedFor(db).stats.get('stats', () => reportStats(db));
});
