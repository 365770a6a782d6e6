import { describe, expect, it } from 'vitest';
import type { HotspotNotice } from '../../realtime/protocol.ts';
import { applyHotspotNotice, type WallHotspots } from './hotspot-list.ts';

const notice = (over: Partial<HotspotNotice>): HotspotNotice => ({
  eventId: '9',
  kind: 'hotspot',
  change: 'new',
  cell: '88411c0001fffff',
  res: 8,
  category: 'flooding',
  categories: ['flooding'],
  confidence: 95,
  z: 4,
  count: 6,
  areaCode: '16078',
  areaName: 'Phường Hạc Thành',
  at: '2026-12-06T02:00:00Z',
  ...over,
});

const list: WallHotspots = {
  cells: [
    { cell: 'a', count: 9, z: 5, confidence: 99, side: 'hot', pattern: 'persistent', area: null },
    { cell: 'b', count: 2, z: 2, confidence: 90, side: 'hot', pattern: null, area: { code: '1', name: 'Xã B' } },
  ],
  cooccurrence: [],
};

describe('applyHotspotNotice', () => {
  it('a new hot spot enters the list in z order, named by its commune', () => {
    const next = applyHotspotNotice(list, notice({}));
    expect(next.cells.map((c) => c.cell)).toEqual(['a', '88411c0001fffff', 'b']);
    expect(next.cells[1]).toMatchObject({
      pattern: 'new',
      confidence: 95,
      count: 6,
      area: { name: 'Phường Hạc Thành' },
    });
  });

  it('an intensifying cell already listed is updated, not repeated', () => {
    const next = applyHotspotNotice(
      list,
      notice({ cell: 'b', change: 'intensifying', z: 6, count: 7, confidence: 99 }),
    );
    expect(next.cells.map((c) => c.cell)).toEqual(['b', 'a']);
    expect(next.cells[0]).toMatchObject({
      pattern: 'intensifying',
      z: 6,
      count: 7,
      confidence: 99,
      area: { name: 'Xã B' },
    });
  });

  it('a co-occurrence joins the co-occurrence line once; another resolution is ignored', () => {
    const once = applyHotspotNotice(list, notice({ change: 'cooccurrence', categories: ['flooding', 'power'] }));
    const twice = applyHotspotNotice(
      once,
      notice({ change: 'cooccurrence', categories: ['flooding', 'power', 'road'] }),
    );
    expect(twice.cooccurrence).toEqual([
      {
        cell: '88411c0001fffff',
        categories: ['flooding', 'power', 'road'],
        area: { code: '16078', name: 'Phường Hạc Thành' },
      },
    ]);
    expect(applyHotspotNotice(list, notice({ res: 9 }))).toBe(list);
  });
});
