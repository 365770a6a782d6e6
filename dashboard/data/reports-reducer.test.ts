import { describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import {
  initialReportsState,
  latestReports,
  MAX_HELD_REPORTS,
  maxEventId,
  reportsReducer,
  type ReportsAction,
  type ReportsState,
} from './reports-reducer.ts';
import type { PublicReportDTO, ReportNotice } from './types.ts';

const cellA = latLngToCell(19.8, 105.77, 12);
const cellB = latLngToCell(19.9, 105.6, 12);

const base: PublicReportDTO = {
  id: 'r1',
  code: 'TH-0001',
  category: 'waste',
  status: 'received',
  lat: 19.8,
  lng: 105.77,
  cell: cellA,
  areaCode: '14758',
  areaName: 'Hàm Rồng',
  createdAt: '2025-07-01T01:00:00.000Z',
  updatedAt: '2025-07-01T01:00:00.000Z',
  version: 2,
};
const snapshot: ReportsAction = { type: 'snapshot', snapshot: { lastEventId: '10', reports: [base] } };
const notice = (over: Partial<ReportNotice>): ReportsAction => ({
  type: 'notice',
  notice: {
    eventId: '11',
    kind: 'report.updated',
    reportId: 'r1',
    code: 'TH-0001',
    category: 'waste',
    status: 'triaged',
    version: 3,
    cell: cellA,
    areaCode: '14758',
    at: '2025-07-01T02:00:00.000Z',
    ...over,
  },
});

function run(actions: ReportsAction[]): ReportsState {
  return actions.reduce(reportsReducer, initialReportsState);
}

describe('reportsReducer', () => {
  const cases: {
    name: string;
    actions: ReportsAction[];
    status: string;
    version: number;
    lastEventId: string;
    count: number;
  }[] = [
    { name: 'snapshot only', actions: [snapshot], status: 'received', version: 2, lastEventId: '10', count: 1 },
    {
      name: 'older notice than snapshot is ignored',
      actions: [snapshot, notice({ eventId: '9', version: 1, status: 'received' })],
      status: 'received',
      version: 2,
      lastEventId: '10',
      count: 1,
    },
    {
      name: 'same-version duplicate is ignored',
      actions: [snapshot, notice({ eventId: '10', version: 2, status: 'closed' })],
      status: 'received',
      version: 2,
      lastEventId: '10',
      count: 1,
    },
    {
      name: 'newer notice applies',
      actions: [snapshot, notice({})],
      status: 'triaged',
      version: 3,
      lastEventId: '11',
      count: 1,
    },
    {
      name: 'newer notice applied twice stays once',
      actions: [snapshot, notice({}), notice({})],
      status: 'triaged',
      version: 3,
      lastEventId: '11',
      count: 1,
    },
    {
      name: 'out-of-order: v4 then v3',
      actions: [snapshot, notice({ eventId: '12', version: 4, status: 'assigned' }), notice({})],
      status: 'assigned',
      version: 4,
      lastEventId: '12',
      count: 1,
    },
    {
      name: 'refetch never rolls back a newer notice',
      actions: [snapshot, notice({}), snapshot],
      status: 'triaged',
      version: 3,
      lastEventId: '11',
      count: 1,
    },
    {
      name: 'event id compared as a number',
      actions: [
        snapshot,
        notice({ eventId: '100', version: 3 }),
        notice({ eventId: '99', version: 4, status: 'resolved' }),
      ],
      status: 'resolved',
      version: 4,
      lastEventId: '100',
      count: 1,
    },
    {
      name: 'new report from a notice',
      actions: [
        snapshot,
        notice({
          reportId: 'r2',
          code: 'TH-0002',
          kind: 'report.created',
          version: 1,
          status: 'received',
          cell: cellB,
        }),
      ],
      status: 'received',
      version: 2,
      lastEventId: '11',
      count: 2,
    },
  ];
  it.each(cases)('$name', ({ actions, status, version, lastEventId, count }) => {
    const s = run(actions);
    expect(s.reports.r1.status).toBe(status);
    expect(s.reports.r1.version).toBe(version);
    expect(s.lastEventId).toBe(lastEventId);
    expect(Object.keys(s.reports)).toHaveLength(count);
  });

  it('places a notice-only report at its cell centre, then fills details', () => {
    const s = run([
      snapshot,
      notice({
        reportId: 'r2',
        code: 'TH-0002',
        kind: 'report.created',
        version: 1,
        cell: cellB,
        at: '2025-07-01T03:00:00.000Z',
      }),
    ]);
    expect(s.reports.r2.stub).toBe(true);
    expect(s.reports.r2.lat).toBeCloseTo(19.9, 3);
    expect(s.reports.r2.lng).toBeCloseTo(105.6, 3);
    expect(latestReports(s).map((r) => r.code)).toEqual(['TH-0002', 'TH-0001']);
    const filled = reportsReducer(s, {
      type: 'details',
      report: { ...base, id: 'r2', code: 'TH-0002', version: 1, lat: 19.9001, lng: 105.6001, areaName: 'X' },
    });
    expect(filled.reports.r2.stub).toBeUndefined();
    expect(filled.reports.r2.areaName).toBe('X');
  });

  it('a batch equals the notices applied one by one', () => {
    const burst = [
      notice({ eventId: '12', version: 4, status: 'assigned' }),
      notice({}),
      notice({ eventId: '13', reportId: 'r2', code: 'TH-0002', version: 1, cell: cellB }),
    ];
    const one = run([snapshot, ...burst]);
    const batched = run([
      snapshot,
      { type: 'notices', notices: burst.map((a) => (a as { notice: ReportNotice }).notice) },
    ]);
    expect(batched).toEqual(one);
    expect(batched.lastEventId).toBe('13');
  });

  it("a batch's upTo moves the resume position past events this audience does not see", () => {
    const s = run([
      snapshot,
      { type: 'notices', notices: [(notice({}) as { notice: ReportNotice }).notice], upTo: '57' },
    ]);
    expect(s.lastEventId).toBe('57');
    expect(s.reports.r1.status).toBe('triaged');
    const empty = reportsReducer(s, { type: 'notices', notices: [], upTo: '60' });
    expect(empty.lastEventId).toBe('60');
    expect(empty.reports).toBe(s.reports);
    expect(reportsReducer(empty, { type: 'notices', notices: [], upTo: '59' })).toBe(empty);
  });

  it(`holds at most ${MAX_HELD_REPORTS.toLocaleString()} reports (plus a tenth before trimming), dropping those changed longest ago`, () => {
    const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
    const burst = Array.from(
      { length: MAX_HELD_REPORTS + MAX_HELD_REPORTS / 10 + 1 },
      (_, i) =>
        (
          notice({
            eventId: String(100 + i),
            reportId: `n${i}`,
            code: `TH-${i}`,
            kind: 'report.created',
            version: 1,
            at: at(i),
          }) as { notice: ReportNotice }
        ).notice,
    );
    const s = run([snapshot, { type: 'notices', notices: burst }]);
    expect(Object.keys(s.reports)).toHaveLength(MAX_HELD_REPORTS);
    // r1 (2025) and the oldest notices went; the newest stayed.
    expect(s.reports.r1).toBeUndefined();
    expect(s.reports.n0).toBeUndefined();
    expect(s.reports[`n${burst.length - 1}`]).toBeDefined();
    expect(s.lastEventId).toBe(burst.at(-1)!.eventId);
  });

  it('a null-cell notice (sensitive, public) has no position', () => {
    const s = run([notice({ reportId: 'r3', version: 1, cell: null })]);
    expect(s.reports.r3.lat).toBeNull();
  });

  it('details older than held are ignored', () => {
    const s = run([snapshot, notice({})]);
    expect(reportsReducer(s, { type: 'details', report: base })).toBe(s);
  });

  it('maxEventId', () => {
    expect(maxEventId(null, '5')).toBe('5');
    expect(maxEventId('9', '10')).toBe('10');
    expect(maxEventId('10', null)).toBe('10');
  });
});
