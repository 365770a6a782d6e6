import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ReplayLog, type Baseline, type LoggedEvent, type ReplaySnapshot } from './replay-log.ts';

const T0 = Date.parse('2026-12-05T00:00:00Z');
const iso = (min: number) => new Date(T0 + min * 60_000).toISOString();
const report = (id: string, kind: string, min: number, reportId: string, status: string, version: number) => ({
  id,
  kind,
  at: iso(min),
  payload: { reportId, code: `C-${reportId}`, category: 'flooding', status, version, cell: null, areaCode: null },
});
const NONE: Baseline = { reports: [], units: [] };
/** The reference: every event up to t in time order, a report keeping its status unless the version is not older. */
function naiveFold(log: LoggedEvent[], t: number): Record<string, string> {
  const seen = [...log]
    .filter((e) => Date.parse(e.at) <= t)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || Number(a.id) - Number(b.id));
  const held: Record<string, { status: string; version: number }> = {};
  for (const e of seen) {
    const id = String(e.payload.reportId);
    const version = Number(e.payload.version);
    if (!held[id] || held[id].version <= version) held[id] = { status: String(e.payload.status), version };
  }
  return Object.fromEntries(Object.entries(held).map(([id, h]) => [id, h.status]));
}
const statusOf = (s: ReplaySnapshot) => Object.fromEntries(s.reports.map((r) => [r.id, r.status]));

describe('ReplayLog', () => {
  const events: LoggedEvent[] = [
    report('1', 'report.created', 0, 'a', 'received', 1),
    report('2', 'report.created', 10, 'b', 'received', 1),
    report('3', 'report.updated', 20, 'a', 'triaged', 2),
    report('4', 'report.updated', 60, 'a', 'resolved', 3),
    {
      id: '5',
      kind: 'unit.updated',
      at: iso(30),
      payload: { unitId: 'u1', agencyId: 'g', status: 'en_route', lat: 19.8, lng: 105.7, version: 4, reportIds: ['a'] },
    },
  ];

  it('shows each report at its newest status by the moment, and nothing made after it', () => {
    const log = new ReplayLog(NONE, events);
    expect(statusOf(log.seek(T0 - 1))).toEqual({});
    expect(statusOf(log.seek(T0 + 5 * 60_000))).toEqual({ a: 'received' });
    expect(statusOf(log.seek(T0 + 20 * 60_000))).toEqual({ a: 'triaged', b: 'received' });
    expect(log.seek(T0 + 30 * 60_000).units).toMatchObject([{ id: 'u1', status: 'en_route', lat: 19.8 }]);
    expect(statusOf(log.seek(T0 + 90 * 60_000))).toEqual({ a: 'resolved', b: 'received' });
    // Backwards again: the checkpoint restores, the later changes are gone.
    expect(statusOf(log.seek(T0 + 15 * 60_000))).toEqual({ a: 'received', b: 'received' });
    expect(log.seek(T0 + 15 * 60_000).units).toEqual([]);
  });

  it('a report made before the period starts from the baseline, keeping when it was made', () => {
    const baseline: Baseline = {
      reports: [
        {
          id: 'a',
          code: 'C-a',
          category: 'road',
          status: 'assigned',
          version: 5,
          cell: null,
          areaCode: null,
          createdAt: '2026-12-01T00:00:00Z',
        },
      ],
      units: [],
    };
    const log = new ReplayLog(baseline, [report('9', 'report.updated', 5, 'a', 'resolved', 6)]);
    expect(log.seek(T0).reports).toMatchObject([{ status: 'assigned', createdAt: Date.parse('2026-12-01T00:00:00Z') }]);
    expect(log.seek(T0 + 10 * 60_000).reports).toMatchObject([{ status: 'resolved', category: 'flooding' }]);
  });

  it('an older version read later (a late commit) does not undo a newer status', () => {
    const log = new ReplayLog(NONE, [events[0], { ...events[3], at: iso(20) }, { ...events[2], at: iso(30) }]);
    expect(statusOf(log.seek(T0 + 40 * 60_000))).toEqual({ a: 'resolved' });
  });

  it('any order of seeks gives the state a fresh fold of the log gives (checkpoints every 3 changes)', () => {
    const statuses = ['received', 'triaged', 'assigned', 'resolved', 'closed'];
    const arbEvent = fc.record({
      minute: fc.integer({ min: 0, max: 600 }),
      report: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      status: fc.constantFrom(...statuses),
      version: fc.integer({ min: 1, max: 9 }),
    });
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 60 }), fc.array(fc.integer({ min: -10, max: 620 })), (raw, seeks) => {
        const log: LoggedEvent[] = raw.map((e, i) =>
          report(String(i + 1), 'report.updated', e.minute, e.report, e.status, e.version),
        );
        const stepped = new ReplayLog(NONE, log, { checkpointEvery: 3 });
        for (const m of seeks) {
          const t = T0 + m * 60_000;
          expect(statusOf(stepped.seek(t))).toEqual(naiveFold(log, t));
        }
      }),
      { numRuns: 150 },
    );
  });
});
