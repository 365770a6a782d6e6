// The commune-name layer for the current view, placed without collisions (layers/label-placement.ts) each time
// the map settles; `shown` keeps what was placed for the browser tests' hook.
import { useMemo, useRef, type RefObject } from 'react';
import type { FeatureCollection } from 'geojson';
import { LABEL_MIN_ZOOM, LABEL_SIZE, UI_FONT, labelsLayer, type AreaLabel } from '../layers/labels-layer.ts';
import { placeLabels, type Box } from '../layers/label-placement.ts';
import type { Theme } from '../layers/palette.ts';
import type { MapHandle, Viewport } from '../map/map-view.tsx';

/** Pixels kept free around a name: its 3 px outline and a little air. */
const MARGIN = 4;

let ctx: CanvasRenderingContext2D | null = null;
function measure(text: string): number {
  ctx ??= document.createElement('canvas').getContext('2d');
  if (!ctx) return text.length * LABEL_SIZE * 0.6;
  ctx.font = `600 ${LABEL_SIZE}px ${UI_FONT}`;
  return ctx.measureText(text).width;
}

export function useLabelsLayer(o: {
  communes: FeatureCollection | null;
  theme: Theme;
  lang: 'vi' | 'en';
  view: Viewport | null;
  fontReady: boolean;
  visible: boolean;
  handle: RefObject<MapHandle | null>;
}) {
  const shown = useRef<(AreaLabel & { box: Box })[]>([]);
  const { communes, theme, lang, view, fontReady, visible, handle } = o;
  const zoom = view?.zoom ?? 8;
  // Built only once the font is loaded: the glyph atlas is cached per font and would keep a fallback face.
  const layer = useMemo(() => {
    const map = handle.current?.map;
    if (!fontReady || !visible || !map) {
      shown.current = [];
      return null;
    }
    const canvas = map.getCanvas();
    const place = (labels: AreaLabel[]) => {
      shown.current =
        zoom < LABEL_MIN_ZOOM
          ? []
          : placeLabels(labels, {
              project: (p) => map.project(p),
              measure,
              size: LABEL_SIZE,
              margin: MARGIN,
              width: canvas.clientWidth,
              height: canvas.clientHeight,
            });
      return shown.current;
    };
    return labelsLayer(communes, { theme, lang, zoom, fontReady, place });
    // `view` is the trigger: the map has settled somewhere new, so the names are placed again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [communes, theme, lang, view, fontReady, visible]);
  return { layer, shown };
}
