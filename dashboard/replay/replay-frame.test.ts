import { describe, expect, it } from 'vitest';
import { cellToParent, gridDisk, latLngToCell } from 'h3-js';
import type { Polygon } from 'geojson';
import { classifyHotspots, giStar } from '../../geo/hotspots.ts';
import { studyAreaCells } from '../../geo/hotspot-grid.ts';
import { hotspotGrid, latestOf, replayCells, replayFrame, replayHotspots, toReport } from './replay-frame.ts';
import { ReplayLog, type ReplayReport } from './replay-log.ts';

const AT = Date.parse('2026-12-05T12:00:00Z');
const HOUR = 3_600_000;
const CENTRE = latLngToCell(19.8075, 105.7766, 12);

let n = 0;
const report = (over: Partial<ReplayReport>): ReplayReport => ({
  id: String(++n),
  code: `TH-${n}`,
  category: 'flooding',
  status: 'received',
  version: 1,
  cell: CENTRE,
  areaCode: '38001',
  createdAt: AT - HOUR,
  at: AT - HOUR,
  responseDueAt: null,
  dueAt: null,
  resolvedAt: null,
  actedAt: null,
  ...over,
});

describe('replay frame', () => {
  it('counters are /api/v1/stats at that moment: all made by then, the last 24 h, by status and category', () => {
    const log = new ReplayLog({ reports: [], units: [] }, [
      ...[1, 2, 3].map((i) => ({
        id: String(i),
        kind: 'report.created',
        at: new Date(AT - i * 20 * HOUR).toISOString(),
        payload: {
          reportId: `r${i}`,
          code: `C${i}`,
          category: i === 3 ? 'road' : 'flooding',
          status: 'received',
          version: 1,
        },
      })),
      {
        id: '4',
        kind: 'report.updated',
        at: new Date(AT - HOUR).toISOString(),
        payload: { reportId: 'r3', code: 'C3', category: 'road', status: 'resolved', version: 2 },
      },
    ]);
    const f = replayFrame(log, AT, null);
    expect(f.stats).toMatchObject({
      total: 3,
      last24h: 1,
      byStatus: { received: 2, resolved: 1 },
      byCategory: { flooding: 2, road: 1 },
    });
    expect(replayFrame(log, AT - 30 * HOUR, null).stats).toMatchObject({ total: 2, byStatus: { received: 2 } });
    expect(latestOf(f.reports, 2).map((r) => r.id)).toEqual(['r1', 'r2']);
  });

  it('hexagon counts answer the map’s question (resolution, trailing window) as of the moment', () => {
    const reports = [report({}), report({ createdAt: AT - 30 * HOUR }), report({ createdAt: AT + HOUR })];
    const hex = cellToParent(CENTRE, 8);
    expect(replayCells(reports, AT, { res: 8, window: '24h' })).toEqual([{ hex, count: 1 }]);
    expect(replayCells(reports, AT, { res: 8, window: '7d' })).toEqual([{ hex, count: 2 }]);
    expect(replayCells(reports, AT, { res: 8 })).toEqual([{ hex, count: 2 }]);
    expect(toReport(reports[0])).toMatchObject({ cell: CENTRE, lat: expect.closeTo(19.8075, 3) });
  });

  it('hot spots are geo’s Gi* with FDR bins over the province’s res-8 cells, on the last 24 h without discarded reports', () => {
    const ring: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [105.7, 19.75],
          [105.86, 19.75],
          [105.86, 19.87],
          [105.7, 19.87],
          [105.7, 19.75],
        ],
      ],
    };
    const grid = hotspotGrid([ring]);
    const cells = studyAreaCells([ring], 8);
    const hub = cellToParent(CENTRE, 8);
    const near = gridDisk(hub, 1).filter((c) => c !== hub);
    const reports = [
      ...Array.from({ length: 12 }, () => report({})),
      ...near.slice(0, 3).map((c) => report({ cell: c })),
      ...Array.from({ length: 40 }, () => report({ status: 'rejected' })),
      ...Array.from({ length: 40 }, () => report({ cell: near[4], createdAt: AT - 48 * HOUR })),
    ];
    const marks = replayHotspots(grid, reports, AT);
    const counts = Object.fromEntries(cells.map((c) => [c, 0]));
    counts[hub] = 12;
    for (const c of near.slice(0, 3)) counts[c] = 1;
    const bins = classifyHotspots(giStar(counts, { k: 1 }));
    const expected = Object.entries(bins)
      .filter(([, b]) => b !== 0)
      .map(([hex, bin]) => ({ hex, bin }))
      .sort((a, b) => a.hex.localeCompare(b.hex));
    const got = marks.map(({ hex, bin }) => ({ hex, bin })).sort((a, b) => a.hex.localeCompare(b.hex));
    expect(got).toEqual(expected);
    expect(marks[0]).toMatchObject({ hex: hub, bin: 3, count: 12, areaCode: '38001' });
  });
});
