// A letter inside each report point naming its category (from the legend), so categories are told apart by more
// than colour. Drawn only when zoomed in, where points stand apart: at province scale they would be noise.
import { TextLayer } from '@deck.gl/layers';
import type { PlacedReport } from './reports-layer.ts';
import { placedReports } from './reports-layer.ts';
import type { Report } from '../data/types.ts';
import { UI_FONT } from './labels-layer.ts';

export const REPORT_MARKS_LAYER_ID = 'report-marks';
export const MARKS_MIN_ZOOM = 12;

const initial = (word: string) => word.charAt(0).toLocaleUpperCase('vi');

/**
 * A short mark per category from its Vietnamese name: the first letter, or the first letters of the first two
 * words where two categories share one (Thái độ… → TĐ, Thủ tục… → TT), numbered if still shared.
 */
export function categoryMarks(categories: readonly { code: string; nameVi: string }[]): Record<string, string> {
  const words = (c: { nameVi: string }) => c.nameVi.split(/[\s,]+/).filter(Boolean);
  const first = categories.map((c) => initial(words(c)[0] ?? c.nameVi));
  const two = categories.map((c, i) =>
    first.filter((f) => f === first[i]).length > 1 ? words(c).slice(0, 2).map(initial).join('') : first[i],
  );
  return Object.fromEntries(
    categories.map((c, i) => [c.code, two.filter((t) => t === two[i]).length > 1 ? `${two[i]}${i}` : two[i]]),
  );
}

export function reportMarksLayer(reports: Report[], marks: Record<string, string>, f: { visible: boolean }) {
  return new TextLayer<PlacedReport>({
    id: REPORT_MARKS_LAYER_ID,
    data: f.visible ? placedReports(reports) : [],
    visible: f.visible,
    getPosition: (r) => [r.lng, r.lat],
    getText: (r) => marks[r.category] ?? '?',
    getSize: 9,
    sizeUnits: 'pixels',
    fontFamily: UI_FONT,
    fontWeight: 700,
    characterSet: 'auto',
    getColor: [15, 23, 42, 255],
    outlineWidth: 2,
    outlineColor: [255, 255, 255, 255],
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    updateTriggers: { getText: marks },
  });
}
