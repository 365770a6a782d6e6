// The wall's hot-spot list: loaded once from GET /api/v1/hotspots (at start and on every resume), then kept
// current by the live `hotspot` notices, which the socket hands over as a window event (HOTSPOT_BELL).
import type { HotspotNotice } from '../../realtime/protocol.ts';

export const HOTSPOT_BELL = 'ht-hotspot-notice';
/** The resolution the wall lists (the live monitor's). */
export const WALL_HOTSPOT_RES = 8;

export interface WallHotspot {
  cell: string;
  count: number;
  z: number;
  confidence: 90 | 95 | 99;
  side: 'hot' | 'cold';
  pattern: string | null;
  area: { code: string; name: string } | null;
}

export interface WallHotspots {
  cells: WallHotspot[];
  cooccurrence: { cell: string; categories: string[]; area: { name: string } | null }[];
}

const areaOf = (n: HotspotNotice) => (n.areaCode && n.areaName ? { code: n.areaCode, name: n.areaName } : null);

/** The list with one notice applied: a new or intensifying hot spot enters (or updates) it, strongest first. */
export function applyHotspotNotice(list: WallHotspots, n: HotspotNotice): WallHotspots {
  if (n.res !== WALL_HOTSPOT_RES) return list;
  if (n.change === 'cooccurrence') {
    const entry = { cell: n.cell, categories: n.categories, area: areaOf(n) };
    return { ...list, cooccurrence: [entry, ...list.cooccurrence.filter((c) => c.cell !== n.cell)] };
  }
  const old = list.cells.find((c) => c.cell === n.cell);
  const entry: WallHotspot = old
    ? {
        ...old,
        side: 'hot',
        pattern: n.change,
        z: Math.max(old.side === 'hot' ? old.z : n.z, n.z),
        count: Math.max(old.count, n.count),
        confidence: Math.max(old.confidence, n.confidence) as WallHotspot['confidence'],
        area: old.area ?? areaOf(n),
      }
    : {
        cell: n.cell,
        count: n.count,
        z: n.z,
        confidence: n.confidence,
        side: 'hot',
        pattern: n.change,
        area: areaOf(n),
      };
  const cells = [entry, ...list.cells.filter((c) => c.cell !== n.cell)].sort((a, b) => b.z - a.z);
  return { ...list, cells };
}
