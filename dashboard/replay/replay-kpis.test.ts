import { describe, expect, it } from 'vitest';
import { replayedWallFigures, startOfLocalDay } from './replay-kpis.ts';
import { ReplayLog, type LoggedEvent } from './replay-log.ts';

// 12:00 UTC is 19:00 in Viet Nam: the centre's day began at 17:00 UTC the day before (AT - 19 h).
const AT = Date.parse('2026-12-05T12:00:00Z');
const H = 3_600_000;
const D = 24 * H;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

let seq = 0;
/** One logged change of report `id`: its status, version and the deadlines as they stood after it. */
function change(
  id: string,
  at: number,
  status: string,
  version: number,
  times: { responseDueAt?: number | null; dueAt?: number | null; resolvedAt?: number | null } = {},
): LoggedEvent {
  return {
    id: String(++seq),
    kind: version === 1 ? 'report.created' : 'report.updated',
    at: iso(at)!,
    payload: {
      reportId: id,
      code: `TH-${id}`,
      category: 'flooding',
      status,
      version,
      responseDueAt: iso(times.responseDueAt ?? null),
      dueAt: iso(times.dueAt ?? null),
      resolvedAt: iso(times.resolvedAt ?? null),
    },
  };
}

describe("the wall's KPIs at a replayed moment", () => {
  // b1 stood before the period (baseline): acted on 70 h ago, its response deadline passed two days ago.
  const baseline = {
    reports: [
      {
        id: 'b1',
        code: 'TH-b1',
        category: 'road',
        status: 'triaged' as const,
        version: 2,
        cell: null,
        areaCode: null,
        createdAt: iso(AT - 3 * D)!,
        actedAt: iso(AT - 70 * H),
        responseDueAt: iso(AT - 2 * D),
        dueAt: iso(AT + 2 * D),
        resolvedAt: null,
      },
    ],
    units: [],
  };
  const log = new ReplayLog(baseline, [
    // r1: today, waiting, within its response deadline, never acted on.
    change('r1', AT - 10 * H, 'received', 1, { responseDueAt: AT + H }),
    // r2: yesterday (local), triaged 30 min after, then assigned with a resolution deadline an hour ago.
    change('r2', AT - 20 * H, 'received', 1, { responseDueAt: AT - 18 * H }),
    change('r2', AT - 19.5 * H, 'triaged', 2, { responseDueAt: AT - 18 * H }),
    change('r2', AT - 5 * H, 'assigned', 3, { responseDueAt: AT - 18 * H, dueAt: AT - H }),
    // r3: today, triaged after 60 min, resolved before its deadline.
    change('r3', AT - 6 * H, 'received', 1),
    change('r3', AT - 5 * H, 'triaged', 2, { dueAt: AT + 10 * H }),
    change('r3', AT - 2 * H, 'resolved', 3, { dueAt: AT + 10 * H, resolvedAt: AT - 2 * H }),
    // r4: resolved late, but made 8 days ago: outside the on-time look-back.
    change('r4', AT - 8 * D, 'received', 1),
    change('r4', AT - 7.5 * D, 'resolved', 2, { dueAt: AT - 7.9 * D, resolvedAt: AT - 7.5 * D }),
    // r5: its resolution deadline passed a day ago unresolved (known, late); acted on 47 h ago.
    change('r5', AT - 2 * D, 'received', 1),
    change('r5', AT - 47 * H, 'triaged', 2, { dueAt: AT - D }),
    // r6: a duplicate merged an hour after it came: never received, open or triaged.
    change('r6', AT - 3 * H, 'received', 1, { responseDueAt: AT - 2.5 * H }),
    change('r6', AT - 2 * H, 'merged', 2, { responseDueAt: AT - 2.5 * H }),
    // r7: made after the moment.
    change('r7', AT + H, 'received', 1, { responseDueAt: AT - H }),
  ]);
  const at = (t: number) => replayedWallFigures(log.seek(t).reports, t, 'Asia/Ho_Chi_Minh');

  it('counts each figure by the live rules, from the state the log held at that moment', () => {
    expect(at(AT)).toEqual({
      receivedToday: 2, // r1, r3 (r2 came before local midnight, r6 is merged)
      open: 4, // b1, r1, r2, r5
      overdue: 2, // b1 (response deadline), r2 (resolution deadline once assigned)
      resolvedOnTimePct: 33.3, // known: r2, r3, r5; on time: r3
      medianTriageMinutes: 45, // r2 (30 min) and r3 (60 min) were acted on in the last 24 h
    });
  });

  it('an earlier moment: before r3 was resolved and r2 assigned', () => {
    // AT - 5.5 h: r2 triaged (waiting) past its response deadline; r3 still received; r6 not made yet.
    expect(at(AT - 5.5 * H)).toEqual({
      receivedToday: 2, // r1, r3
      open: 5, // b1, r1, r2, r3, r5
      overdue: 2, // b1, r2
      resolvedOnTimePct: 0, // known: r5 (late), r2 not yet due
      medianTriageMinutes: 30, // r2 only
    });
  });
});

describe('startOfLocalDay', () => {
  it('is the local midnight in the zone, before or after UTC midnight', () => {
    expect(iso(startOfLocalDay(AT, 'Asia/Ho_Chi_Minh'))).toBe('2026-12-04T17:00:00.000Z');
    expect(iso(startOfLocalDay(Date.parse('2026-12-05T18:30:00Z'), 'Asia/Ho_Chi_Minh'))).toBe(
      '2026-12-05T17:00:00.000Z',
    );
    expect(iso(startOfLocalDay(Date.parse('2026-07-01T03:00:00.250Z'), 'America/New_York'))).toBe(
      '2026-06-30T04:00:00.000Z',
    );
  });
});
