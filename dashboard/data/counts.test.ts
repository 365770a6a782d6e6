import { describe, expect, it } from 'vitest';
import { countReports, ranked } from './counts.ts';
import type { Report } from './types.ts';

const now = Date.parse('2025-07-02T00:00:00Z');
const r = (id: string, over: Partial<Report>): Report => ({
  id,
  code: id,
  category: 'waste',
  status: 'received',
  lat: null,
  lng: null,
  cell: null,
  areaCode: 'a1',
  areaName: null,
  createdAt: '2025-07-01T12:00:00Z',
  updatedAt: '2025-07-01T12:00:00Z',
  version: 1,
  ...over,
});

describe('countReports', () => {
  it.each([
    { name: 'empty', rows: [], total: 0, last24h: 0, byStatus: {}, byArea: {} },
    {
      name: 'recent and old',
      rows: [r('1', {}), r('2', { createdAt: '2025-06-01T00:00:00Z', status: 'resolved', areaCode: null })],
      total: 2,
      last24h: 1,
      byStatus: { received: 1, resolved: 1 },
      byArea: { a1: 1 },
    },
    {
      name: 'same commune',
      rows: [r('1', {}), r('2', { category: 'flood' })],
      total: 2,
      last24h: 2,
      byStatus: { received: 2 },
      byArea: { a1: 2 },
    },
  ])('$name', ({ rows, total, last24h, byStatus, byArea }) => {
    const c = countReports(rows, now);
    expect(c).toMatchObject({ total, last24h, byStatus, byArea });
  });
  it('ranks largest first then by key', () => {
    expect(ranked({ b: 2, a: 2, c: 5, d: 1 }, 3)).toEqual([
      ['c', 5],
      ['a', 2],
      ['b', 2],
    ]);
  });
});
