// The street the dispatcher's address search matched: its whole line, and the point the house number falls on
// (or the street's middle when the street has no number range).
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { AddressCandidateDTO } from '../../ingest/presenters/dto.ts';
import type { Theme } from './palette.ts';

export const MATCHED_STREET_LAYER_ID = 'matched-street';
export const MATCHED_POINT_LAYER_ID = 'matched-point';

const LINE: Record<Theme, [number, number, number, number]> = {
  dark: [255, 214, 10, 230],
  light: [214, 40, 140, 230],
};

export type MatchedStreetLayers = [PathLayer<AddressCandidateDTO>, ScatterplotLayer<AddressCandidateDTO>];

export function matchedStreetLayers(match: AddressCandidateDTO | null, theme: Theme): MatchedStreetLayers | [] {
  if (!match) return [];
  return [
    new PathLayer<AddressCandidateDTO>({
      id: MATCHED_STREET_LAYER_ID,
      data: [match],
      pickable: true,
      widthUnits: 'pixels',
      getWidth: 5,
      capRounded: true,
      jointRounded: true,
      getPath: (m) => m.line,
      getColor: LINE[theme],
    }),
    new ScatterplotLayer<AddressCandidateDTO>({
      id: MATCHED_POINT_LAYER_ID,
      data: [match],
      pickable: true,
      stroked: true,
      radiusUnits: 'pixels',
      lineWidthUnits: 'pixels',
      // A house placed by its number is a firm point; the street's middle is only a hint, drawn hollow.
      getRadius: 8,
      getLineWidth: 3,
      getPosition: (m) => [m.lng, m.lat],
      getFillColor: (m) => (m.exactHouse ? LINE[theme] : [0, 0, 0, 0]),
      getLineColor: theme === 'dark' ? [20, 20, 20, 255] : [255, 255, 255, 255],
    }),
  ];
}
