// The `hotspot` event the monitor appends for cell `i` of the grid: what changed, how sure, and where.
import type { HotspotEventPayload } from '../../domain/hotspot-event.ts';
import type { BinStats, HotspotGrid } from '../../geo/hotspot-grid.ts';
import type { AreaLookup } from '../../geo/types.ts';
import { areaOfCell } from './hotspot-analysis.ts';

export function hotspotPayload(
  grid: HotspotGrid,
  res: number,
  areas: AreaLookup,
  i: number,
  change: HotspotEventPayload['change'],
  category: string | null,
  categories: string[],
  stats: BinStats,
  count: number,
  at: Date,
): HotspotEventPayload {
  const area = areaOfCell(areas, grid.cells[i]);
  return {
    change,
    cell: grid.cells[i],
    res,
    category,
    categories,
    confidence: stats.bins[i] >= 3 ? 99 : 95,
    z: stats.z[i],
    count,
    areaCode: area?.code ?? null,
    areaName: area?.name ?? null,
    window: '24h',
    at: at.toISOString(),
  };
}
