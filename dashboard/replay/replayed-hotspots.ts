// Replayed hot spots in the shape of GET /api/v1/hotspots' cells, so the wall's list shows them as it shows live
// ones (named by the commune of a report inside; no emerging pattern is computed in replay).
import type { WallHotspot } from '../wall/use-wall-hotspots.ts';
import type { ReplayHotspot } from './replay-frame.ts';

const CONFIDENCE = [90, 90, 95, 99] as const;

export function replayedHotspots(
  marks: readonly ReplayHotspot[] | null,
  areaNames: Record<string, { vi: string; en: string }>,
  lang: 'vi' | 'en',
): WallHotspot[] {
  return (marks ?? []).map((m) => ({
    cell: m.hex,
    count: m.count,
    z: m.z,
    confidence: CONFIDENCE[Math.min(3, Math.abs(m.bin))],
    side: m.bin > 0 ? 'hot' : 'cold',
    pattern: null,
    area: m.areaCode ? { code: m.areaCode, name: areaNames[m.areaCode]?.[lang] ?? m.areaCode } : null,
  }));
}
