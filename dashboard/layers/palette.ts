// Colours shared by layers and the legend: status is drawn as outline + opacity, category as fill.
import type { ReportStatus } from '../data/types.ts';

export type RGB = [number, number, number];
export type RGBA = [number, number, number, number];
export type Theme = 'dark' | 'light';

export interface StatusStyle {
  line: RGB;
  alpha: number;
  width: number;
}

const OPEN = 235;
export const statusStyles: Record<ReportStatus, StatusStyle> = {
  received: { line: [255, 255, 255], alpha: OPEN, width: 2 },
  triaged: { line: [125, 211, 252], alpha: OPEN, width: 2 },
  assigned: { line: [250, 204, 21], alpha: OPEN, width: 2 },
  in_progress: { line: [251, 146, 60], alpha: OPEN, width: 2.5 },
  reopened: { line: [244, 63, 94], alpha: OPEN, width: 2.5 },
  resolved: { line: [74, 222, 128], alpha: 120, width: 1.5 },
  closed: { line: [148, 163, 184], alpha: 80, width: 1 },
  rejected: { line: [100, 116, 139], alpha: 60, width: 1 },
  merged: { line: [100, 116, 139], alpha: 60, width: 1 },
};

/** White rings vanish on a light map; use near-black there for the "new" state. */
export function statusLine(status: ReportStatus, theme: Theme): RGB {
  const s = statusStyles[status] ?? statusStyles.received;
  return theme === 'light' && status === 'received' ? [15, 23, 42] : s.line;
}

export const FALLBACK_CATEGORY: RGB = [160, 160, 160];

/** Sequential ramp (YlOrRd) for densities; index chosen on a log scale so one hotspot does not flatten the rest. */
export const DENSITY_RAMP: RGB[] = [
  [255, 237, 160],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

/**
 * Opacity grows with density too, so a sparse hexagon never hides the base map. On the light map the palest
 * steps and low opacities vanish into the land colour, so there the ramp starts two steps darker and stays opaquer.
 */
export function densityColor(count: number, max: number, alpha = 170, theme: Theme = 'dark'): RGBA {
  const t = max <= 1 || count <= 0 ? 0 : Math.log(count) / Math.log(max);
  const first = theme === 'light' ? 2 : 0;
  const steps = DENSITY_RAMP.length - first;
  const i = first + Math.min(steps - 1, Math.floor(t * steps));
  const floor = theme === 'light' ? 0.8 : 0.35;
  return [...DENSITY_RAMP[i], Math.round(alpha * (floor + (1 - floor) * t))];
}

/** The hexagons' outline on the light map: a thin dark-orange edge keeps even a single report's cell visible. */
export const DENSITY_EDGE_LIGHT: RGBA = [154, 52, 18, 160];

export const themeColors: Record<Theme, { boundary: RGBA; boundaryHover: RGBA; label: RGBA; labelOutline: RGBA }> = {
  dark: {
    boundary: [94, 234, 212, 90],
    boundaryHover: [94, 234, 212, 255],
    label: [226, 232, 240, 255],
    labelOutline: [2, 6, 23, 255],
  },
  light: {
    boundary: [15, 118, 110, 110],
    boundaryHover: [15, 118, 110, 255],
    label: [15, 23, 42, 255],
    labelOutline: [255, 255, 255, 255],
  },
};
