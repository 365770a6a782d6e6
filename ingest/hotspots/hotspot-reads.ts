// What GET /api/v1/hotspots keeps between requests: the study areas, and answers shared for 5 s between the
// screens that ask the same. One per app, built by main.ts (or createApp) and passed in IngestDeps.
import type { Db } from '../../sql/db.ts';
import { currentAreas } from '../../sql/queries/areas.ts';
import { SharedAnswers } from '../shared-answers.ts';
import { HotspotGrids, type HotspotAnswer } from './hotspot-analysis.ts';

export interface HotspotReads {
  grids: () => Promise<HotspotGrids>;
  answers: SharedAnswers<HotspotAnswer>;
}

/** `grids` given (main.ts shares them with the hot-spot monitor), or read from the database on first use. */
export function hotspotReads(db: Db, grids?: HotspotGrids): HotspotReads {
  let loading: Promise<HotspotGrids> | undefined = grids && Promise.resolve(grids);
  return {
    grids: () =>
      (loading ??= currentAreas(db, 'province').then((fc) => new HotspotGrids(fc.features.map((f) => f.geometry)))),
    answers: new SharedAnswers<HotspotAnswer>(5000, 64),
  };
}
