import { describe, expect, it } from 'vitest';
import { cellToParent, getResolution, latLngToCell } from 'h3-js';
import type { FeatureCollection } from 'geojson';
import { reportsLayer, placedReports, REPORTS_LAYER_ID } from './reports-layer.ts';
import {
  boxAreaKm2,
  hexagonLayer,
  resForView,
  resForZoom,
  sensitiveLayer,
  HEX_LAYER_ID,
  SENSITIVE_LAYER_ID,
} from './hexagon-layer.ts';
import type { Layer } from '@deck.gl/core';
import { AREA_HOVER_LAYER_ID, areasLayer, AREAS_LAYER_ID, drawnOnScreen } from './areas-layer.ts';
import { baseStyle } from '../map/base-style.ts';
import { areaLabels, labelsLayer, ringCentroid, LABELS_LAYER_ID } from './labels-layer.ts';
import { densityColor, DENSITY_RAMP, themeColors } from './palette.ts';
import { categoryMarks, reportMarksLayer } from './report-marks-layer.ts';
import type { Report } from '../data/types.ts';

const cell = latLngToCell(19.8, 105.77, 12);
const row = (over: Partial<Report>): Report => ({
  id: 'r1',
  code: 'TH-1',
  category: 'waste',
  status: 'received',
  lat: 19.8,
  lng: 105.77,
  cell,
  areaCode: 'a1',
  areaName: 'Hàm Rồng',
  createdAt: '2025-07-01T00:00:00Z',
  updatedAt: '2025-07-01T00:00:00Z',
  version: 1,
  ...over,
});
const colors = { waste: [10, 20, 30] as [number, number, number], flood: [0, 0, 200] as [number, number, number] };
// deck accessors are typed loosely; call them as plain functions.
const call = (acc: unknown, d: unknown) => (acc as (d: unknown) => unknown)(d);

describe('reportsLayer', () => {
  const rows = [
    row({}),
    row({ id: 'r2', code: 'TH-2', category: 'flood', status: 'resolved' }),
    row({ id: 'r3', code: 'TH-3', lat: null, lng: null, cell: null }),
  ];
  const layer = reportsLayer(rows, { theme: 'dark', categoryColors: colors, selectedId: 'r2' });
  it('has a stable id and drops unplaced rows', () => {
    expect(layer.id).toBe(REPORTS_LAYER_ID);
    expect((layer.props.data as Report[]).map((r) => r.code)).toEqual(['TH-1', 'TH-2']);
    expect(placedReports(rows)).toHaveLength(2);
  });
  it.each([
    { r: rows[0], position: [105.77, 19.8], fill: [10, 20, 30, 235], line: [255, 255, 255, 255], radius: 6 },
    { r: rows[1], position: [105.77, 19.8], fill: [0, 0, 200, 120], line: [74, 222, 128, 255], radius: 11 },
    {
      r: row({ category: 'unknown', status: 'closed' }),
      position: [105.77, 19.8],
      fill: [160, 160, 160, 80],
      line: [148, 163, 184, 255],
      radius: 6,
    },
  ])('accessors for $r.code $r.status', ({ r, position, fill, line, radius }) => {
    expect(call(layer.props.getPosition, r)).toEqual(position);
    expect(call(layer.props.getFillColor, r)).toEqual(fill);
    expect(call(layer.props.getLineColor, r)).toEqual(line);
    expect(call(layer.props.getRadius, r)).toBe(radius);
  });
  it('uses a dark ring for new reports on the light theme', () => {
    const light = reportsLayer(rows, { theme: 'light', categoryColors: colors });
    expect(call(light.props.getLineColor, rows[0])).toEqual([15, 23, 42, 255]);
  });
});

describe('hexagons', () => {
  it.each([
    [6, 7],
    [8.99, 7],
    [9, 8],
    [10.5, 8],
    [11, 9],
    [16, 9],
  ])('zoom %s -> res %s', (zoom, res) => {
    expect(resForZoom(zoom)).toBe(res);
  });
  it.each([
    ['a city block', 14, [105.77, 19.8, 105.8, 19.82], 9],
    ['Thanh Hóa city (res 9 fits)', 11, [105.6, 19.7, 105.95, 19.9], 9],
    ['the eastern plain (too many res-9 cells)', 11, [105.3, 19.5, 106.0, 20.1], 8],
    ['the whole province (too many res-9 and res-8 cells)', 11, [104.4, 19.3, 106.1, 20.7], 7],
    ['the province', 8, [104.4, 19.3, 106.1, 20.7], 7],
  ] as const)('%s at zoom %i -> res %i', (_label, zoom, bbox, res) => {
    expect(resForView(zoom, [...bbox])).toBe(res);
  });
  it('sizes a box in km² (one degree square at the equator ≈ 12,364 km²)', () => {
    expect(boxAreaKm2([0, 0, 1, 1])).toBeGreaterThan(12_300);
    expect(boxAreaKm2([0, 0, 1, 1])).toBeLessThan(12_400);
    expect(boxAreaKm2([105, 60, 106, 61])).toBeLessThan(boxAreaKm2([105, 19, 106, 20]) / 1.5);
  });
  it('builds an H3HexagonLayer with density colours from server counts', () => {
    const hex = cellToParent(cell, 9);
    const layer = hexagonLayer([
      { hex, count: 4 },
      { hex: cellToParent(cell, 8), count: 1 },
    ]);
    expect(layer.id).toBe(HEX_LAYER_ID);
    const data = layer.props.data as { hex: string; count: number }[];
    expect(getResolution(data[0].hex)).toBe(9);
    expect(call(layer.props.getHexagon, data[0])).toBe(hex);
    expect(call(layer.props.getFillColor, data[0])).toEqual([...DENSITY_RAMP[4], 150]);
  });
  it('draws sensitive counts as outlined coarse cells, pickable for their count', () => {
    const layer = sensitiveLayer([{ hex: cellToParent(cell, 7), count: 3 }]);
    expect(layer.id).toBe(SENSITIVE_LAYER_ID);
    expect(layer.props.stroked).toBe(true);
    expect(layer.props.pickable).toBe(true);
    expect(getResolution((layer.props.data as { hex: string }[])[0].hex)).toBe(7);
  });
  it.each([
    [1, 10, 59],
    [10, 10, 170],
    [0, 0, 59],
  ])('density alpha(%s of %s) = %s', (n, max, alpha) => {
    expect(densityColor(n, max)[3]).toBe(alpha);
  });
  it('a one-report hexagon stands out from the land in both themes (WCAG contrast of its colour over the land >= 1.5)', () => {
    const hexOf = (t: string) => [1, 3, 5].map((i) => parseInt(t.slice(i, i + 2), 16));
    const lum = (c: number[]) => {
      const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: number[], b: number[]) =>
      (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05);
    const over = (c: number[], land: number[]) => land.map((v, i) => (c[i] * c[3]) / 255 + (v * (255 - c[3])) / 255);
    for (const [theme, land] of [
      ['light', '#f8fafc'],
      ['dark', '#0e1626'],
    ] as const) {
      const layer = hexagonLayer(
        [
          { hex: cellToParent(cell, 9), count: 1 },
          { hex: cellToParent(cell, 8), count: 200 },
        ],
        { theme },
      );
      const sparse = call(layer.props.getFillColor, (layer.props.data as unknown[])[0]) as number[];
      expect(contrast(over(sparse, hexOf(land)), hexOf(land)), theme).toBeGreaterThanOrEqual(1.5);
    }
  });
  it.each([
    [0, 10, 0],
    [1, 1, 0],
    [1, 100, 0],
    [10, 100, 2],
    [100, 100, 4],
  ])('density(%s of %s) -> ramp %s', (n, max, i) => {
    expect(densityColor(n, max).slice(0, 3)).toEqual(DENSITY_RAMP[i]);
  });
});

const square = (x: number, y: number): number[][][] => [
  [
    [x, y],
    [x + 2, y],
    [x + 2, y + 2],
    [x, y + 2],
    [x, y],
  ],
];
const areas: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { code: 'a1', name: 'Hàm Rồng', nameEn: 'Ham Rong' },
      geometry: { type: 'Polygon', coordinates: square(0, 0) },
    },
    {
      type: 'Feature',
      properties: { code: 'a2', name: 'Đông Sơn' },
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          square(10, 10),
          [
            [
              [0, 0],
              [0.1, 0],
              [0.1, 0.1],
              [0, 0],
            ],
          ],
        ],
      },
    },
  ],
};

describe('areas and labels', () => {
  const fillOf = (layer: ReturnType<typeof areasLayer>[0], f: unknown) =>
    typeof layer.props.getFillColor === 'function' ? call(layer.props.getFillColor, f) : layer.props.getFillColor;
  it.each([
    { code: 'a1', hovered: 'a1', counts: { a1: 4 }, fill: [...DENSITY_RAMP[4], 70] },
    { code: 'a2', hovered: 'a1', counts: { a1: 4 }, fill: [0, 0, 0, 0] },
    { code: 'a2', hovered: null, counts: null, fill: [0, 0, 0, 0] },
  ])(
    'commune $code (hovered $hovered): its fill, and only the hovered one outlined',
    ({ code, hovered, counts, fill }) => {
      const [fillLayer, outline] = areasLayer(areas, { theme: 'dark', hoveredCode: hovered, counts });
      expect([fillLayer.id, outline.id]).toEqual([AREAS_LAYER_ID, AREA_HOVER_LAYER_ID]);
      const f = areas.features.find((x) => x.properties?.code === code);
      expect(fillOf(fillLayer, f)).toEqual(fill);
      expect((outline.props.data as typeof areas.features).map((x) => x.properties?.code)).toEqual(
        hovered ? [hovered] : [],
      );
      expect(outline.props.getLineColor).toEqual(themeColors.dark.boundaryHover);
      expect(outline.props.getLineWidth).toBe(2.5);
    },
  );
  it('a transparent fill is drawn for picking only; a shaded one, and every other layer, on screen too', () => {
    const sub = (parent: Layer | undefined) => ({ id: 'areas-polygons-fill', parent }) as unknown as Layer;
    const [plain] = areasLayer(areas, { theme: 'dark', counts: null });
    const [shaded] = areasLayer(areas, { theme: 'dark', counts: { a1: 4 } });
    expect(drawnOnScreen({ layer: sub(plain), isPicking: false })).toBe(false);
    expect(drawnOnScreen({ layer: sub(plain), isPicking: true })).toBe(true);
    expect(drawnOnScreen({ layer: sub(shaded), isPicking: false })).toBe(true);
    expect(drawnOnScreen({ layer: sub(undefined), isPicking: false })).toBe(true);
    // The base map draws every commune's accent boundary instead, in the layer's colour.
    const line = baseStyle('dark', areas, null).layers.find((l) => l.id === 'communes-accent');
    expect(line).toMatchObject({
      type: 'line',
      source: 'communes',
      paint: { 'line-color': 'rgba(94, 234, 212, 0.353)' },
    });
  });
  it.each([
    {
      lang: 'vi' as const,
      texts: ['Hàm Rồng', 'Đông Sơn'],
      positions: [
        [1, 1],
        [11, 11],
      ],
    },
    {
      lang: 'en' as const,
      texts: ['Ham Rong', 'Đông Sơn'],
      positions: [
        [1, 1],
        [11, 11],
      ],
    },
  ])('labels in $lang at the largest polygon centroid', ({ lang, texts, positions }) => {
    const labels = areaLabels(areas, lang);
    expect(labels.map((l) => l.text)).toEqual(texts);
    labels.forEach((l, i) => {
      expect(l.position[0]).toBeCloseTo(positions[i][0]);
      expect(l.position[1]).toBeCloseTo(positions[i][1]);
    });
    const layer = labelsLayer(areas, { theme: 'dark', lang, zoom: 10, fontReady: true });
    expect(layer.id).toBe(LABELS_LAYER_ID);
    expect(layer.props.visible).toBe(true);
    expect(layer.props.characterSet).toBe('auto');
    expect(call(layer.props.getText, labels[1])).toBe(texts[1]);
  });
  it('hides labels when zoomed out', () => {
    expect(labelsLayer(areas, { theme: 'dark', lang: 'vi', zoom: 8, fontReady: true }).props.visible).toBe(false);
    expect(
      ringCentroid([
        [0, 0],
        [0, 0],
        [0, 0],
      ]),
    ).toEqual([0, 0]);
  });
});

describe('category marks', () => {
  it('one short mark per category, distinct, from the Vietnamese names', () => {
    const marks = categoryMarks([
      { code: 'rubbish', nameVi: 'Rác thải, vệ sinh môi trường' },
      { code: 'misconduct', nameVi: 'Thái độ, sai phạm của cán bộ' },
      { code: 'admin_procedure', nameVi: 'Thủ tục hành chính' },
      { code: 'road', nameVi: 'Đường sá' },
    ]);
    expect(marks).toEqual({ rubbish: 'R', misconduct: 'TĐ', admin_procedure: 'TT', road: 'Đ' });
  });
  it('draws the marks only when asked (zoomed in), at each placed report', () => {
    const reports = [{ id: '1', code: 'A', category: 'road', status: 'received', lat: 19.8, lng: 105.7 }] as Report[];
    const on = reportMarksLayer(reports, { road: 'Đ' }, { visible: true });
    expect(call(on.props.getText, (on.props.data as unknown[])[0])).toBe('Đ');
    expect(reportMarksLayer(reports, { road: 'Đ' }, { visible: false }).props.data).toEqual([]);
  });
});
