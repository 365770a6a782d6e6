// Commune names without collisions: each label's box on screen (its measured text width, the font's height, a
// margin), placed greedily in priority order (larger communes first); a label whose box meets a placed one is
// left out until the map zooms in far enough to separate them. Pure: projection and text measuring come in.

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Placeable {
  code: string;
  text: string;
  position: [number, number];
  /** Higher is placed first (the commune's area). */
  priority: number;
}

export interface PlacementOptions {
  project: (lngLat: [number, number]) => { x: number; y: number };
  measure: (text: string) => number;
  /** Font size in pixels: the box height before the margin. */
  size: number;
  /** Pixels kept free around each label (its outline and breathing room). */
  margin: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The labels to draw with their screen boxes: none off screen, none overlapping another. */
export function placeLabels<L extends Placeable>(labels: readonly L[], o: PlacementOptions): (L & { box: Box })[] {
  const placed: (L & { box: Box })[] = [];
  const order = [...labels].sort((a, b) => b.priority - a.priority || a.code.localeCompare(b.code));
  for (const label of order) {
    const p = o.project(label.position);
    const w = o.measure(label.text) + 2 * o.margin;
    const h = o.size + 2 * o.margin;
    const box = { x: p.x - w / 2, y: p.y - h / 2, w, h };
    if (box.x + box.w < 0 || box.y + box.h < 0 || box.x > o.width || box.y > o.height) continue;
    // A linear scan: at most ~170 communes are in view, so a grid index would not pay for itself.
    if (placed.some((q) => overlaps(q.box, box))) continue;
    placed.push({ ...label, box });
  }
  return placed;
}
