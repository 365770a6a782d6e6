import { describe, expect, it } from 'vitest';
import type { AddressCandidateDTO } from '../../ingest/presenters/dto.ts';
import {
  matchedStreetLayers,
  MATCHED_POINT_LAYER_ID,
  MATCHED_STREET_LAYER_ID,
  type MatchedStreetLayers,
} from './matched-street-layer.ts';

const match = (over: Partial<AddressCandidateDTO> = {}): AddressCandidateDTO => ({
  street: 'Đường Lê Lợi',
  houseNumber: 100,
  exactHouse: true,
  area: { code: '14797', name: 'Phường Hạc Thành' },
  lat: 19.8075,
  lng: 105.7767,
  line: [
    [105.7745, 19.8065],
    [105.779, 19.8085],
  ],
  score: 100,
  ...over,
});
// deck accessors are typed loosely; call them as plain functions.
const call = (acc: unknown, d: unknown) => (acc as (d: unknown) => unknown)(d);

describe('matchedStreetLayers', () => {
  it('draws nothing without a match', () => {
    expect(matchedStreetLayers(null, 'dark')).toEqual([]);
  });

  it.each([
    ['a house placed by its number is filled', true, 'dark', 230],
    ['only the middle of the street: a hollow ring', false, 'dark', 0],
    ['light theme, house placed', true, 'light', 230],
  ] as const)('%s', (_name, exactHouse, theme, alpha) => {
    const m = match({ exactHouse });
    const [line, point] = matchedStreetLayers(m, theme) as MatchedStreetLayers;
    expect(line.id).toBe(MATCHED_STREET_LAYER_ID);
    expect(call(line.props.getPath, m)).toEqual(m.line);
    expect(point.id).toBe(MATCHED_POINT_LAYER_ID);
    expect(call(point.props.getPosition, m)).toEqual([m.lng, m.lat]);
    expect((call(point.props.getFillColor, m) as number[])[3]).toBe(alpha);
  });

  it('the street stands out from the theme: a different colour on dark and light', () => {
    const [dark] = matchedStreetLayers(match(), 'dark') as MatchedStreetLayers;
    const [light] = matchedStreetLayers(match(), 'light') as MatchedStreetLayers;
    expect(dark.props.getColor).not.toEqual(light.props.getColor);
  });
});
