// /api/v1/cells: report counts per H3 cell for the maps, held to what the caller's audience may count.
import Router from '@koa/router';
import { approxCellsInBox, bigintToCell, cellsCoveringBox } from '../../../geo/h3.ts';
import { cellCountRule, sensitiveBatchCutoff, startOfUtcDay, type CellCountRule } from '../../../geo/privacy.ts';
import {
  WHOLE_AREA_MAX_RES,
  countByCell,
  countGroupsBefore,
  dailyTotalsBefore,
} from '../../../sql/queries/report-counts.ts';
import type { Db } from '../../../sql/db.ts';
import type { IngestDeps, IngestState } from '../../context.ts';
import { readDbFor } from '../../public-reads.ts';
import { errors } from '../../../domain/errors.ts';
import type { CellsDTO } from '../../presenters/dto.ts';
import { cellsQuerySchema } from '../../schemas/report-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';

export const cellsRouter = new Router<IngestState>({ prefix: '/api/v1' });

/** A viewport's cells: enough for a zoomed-in map, refused for a box too large for the resolution. */
const MAX_VIEWPORT_CELLS = 20_000;
/** Covering a box is CPU on the event loop that also answers reports: the last boxes asked are kept (per app). */
function viewportCells(
  recentBoxes: IngestDeps['viewportCovers'],
  bbox: [number, number, number, number],
  res: number,
  windowed: boolean,
) {
  const key = `${res}|${windowed}|${bbox.join(',')}`;
  let covered = recentBoxes.get(key);
  if (!covered) {
    covered = coverBox(bbox, res, windowed);
    if (recentBoxes.size >= 64) recentBoxes.delete(recentBoxes.keys().next().value!);
    recentBoxes.set(key, covered);
  }
  return covered;
}

/** What an anonymous viewport costs in read budget: one point per ~1,000 cells it makes the server cover. */
function viewportCost(bbox: [number, number, number, number], res: number, windowed: boolean): number {
  const cells = approxCellsInBox(bbox, res) + (windowed && res > 7 && res < 10 ? approxCellsInBox(bbox, 10) : 0);
  return Math.floor(cells / 1000);
}

function coverBox(bbox: [number, number, number, number], res: number, windowed: boolean) {
  const cells = cellsCoveringBox(bbox, res, MAX_VIEWPORT_CELLS);
  // Fine windows read the hourly rollup, keyed by res-10 cells, so they need the box at res 10 too.
  const cells10 =
    !windowed || res <= 7 ? undefined : res === 10 ? cells : cellsCoveringBox(bbox, 10, MAX_VIEWPORT_CELLS * 4);
  if (!cells || cells10 === null) {
    throw errors.bboxTooLarge({ res, max: MAX_VIEWPORT_CELLS });
  }
  return { cells, cells10 };
}

/** Sensitive counts as of the last published batch (geo/privacy.ts): the live stream never moves them. */
async function publishedSensitiveGroups(
  db: Db,
  groups: NonNullable<CellCountRule['sensitiveGroups']>,
  hex: (list: { cell: string; count: number }[]) => CellsDTO['cells'],
): Promise<NonNullable<CellsDTO['sensitive']>> {
  const { categories, res, k } = groups;
  const asOf = sensitiveBatchCutoff(await dailyTotalsBefore(db, categories, startOfUtcDay(new Date())), k);
  const cells = asOf ? hex(await countGroupsBefore(db, { categories, res, before: asOf, k })) : [];
  return { res, k, asOf: asOf?.toISOString() ?? null, cells };
}

cellsRouter.get('/cells', async (ctx) => {
  const q = parseOr422(cellsQuerySchema, ctx.query);
  const { deps, actor } = ctx.state;
  const staff = actor.kind === 'staff';
  const rule = cellCountRule(staff, deps.catalog.sensitive);
  if (q.res > rule.maxRes) {
    throw errors.publicResTooFine(rule.maxRes);
  }
  if (!q.bbox && q.res > WHOLE_AREA_MAX_RES) {
    // The same bound as a viewport's: a province at res 9 is over 100,000 cells (6-12 MB, 0.3-0.6 s of
    // database time per call on a public endpoint). Maps ask per viewport from res 8 on.
    throw errors.bboxRequired({ res: q.res, max: WHOLE_AREA_MAX_RES, cells: MAX_VIEWPORT_CELLS });
  }
  const windowed = Boolean(q.since || q.status);
  if (q.bbox && ctx.state.chargeRead) await ctx.state.chargeRead(viewportCost(q.bbox, q.res, windowed));
  const within = q.bbox ? viewportCells(deps.viewportCovers, q.bbox, q.res, windowed) : undefined;
  const hex = (list: { cell: string; count: number }[]) =>
    list.map((r) => ({ cell: bigintToCell(r.cell), count: r.count }));
  const answer = async (): Promise<CellsDTO> => {
    const db = readDbFor(ctx.state);
    const rows = await countByCell(db, { ...q, excludeCategories: rule.excludeCategories, within });
    const body: CellsDTO = { res: q.res, cells: hex(rows) };
    const groups = rule.sensitiveGroups;
    if (groups) body.sensitive = await publishedSensitiveGroups(db, groups, hex);
    return body;
  };
  // Province-wide questions are the same for every viewer of an audience: share them; viewports differ.
  // Province-wide questions, and any the public repeats within a second, are shared; staff viewports are not.
  ctx.body =
    q.bbox && staff
      ? await answer()
      : await deps.screenAnswers.cells.get(`${staff ? 'staff' : 'public'}?${ctx.querystring}`, answer);
});
