// The wall's figures against values worked out by hand on eleven reports placed around a fixed moment, and
// GET /api/v1/wall/stats: walls and province-wide staff only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallStats, type WallStats } from '../../../sql/queries/wall-stats.ts';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

// 12:00 in Viet Nam (UTC+7): the local day began at 2026-03-09T17:00Z.
const NOW = new Date('2026-03-10T05:00:00Z');
const H = 3_600_000;
const at = (ms: number) => new Date(NOW.getTime() + ms);

interface Placed {
  created: number;
  status: string;
  category: string;
  agency: string | null;
  responseDue?: number;
  due?: number;
  resolved?: number;
  /** When the desk first moved it out of "received" (ms after creation). */
  triagedAfter?: number;
}

// Offsets from NOW. X = so-xay-dung, Y = dien-luc.
const REPORTS: Record<string, Placed> = {
  A: { created: -1 * H, status: 'received', category: 'road', agency: 'so-xay-dung', responseDue: -H / 6 },
  B: {
    created: -2 * H,
    status: 'triaged',
    category: 'road',
    agency: 'so-xay-dung',
    responseDue: H,
    triagedAfter: H / 2,
  },
  // 23:00 local yesterday: not received today, but in the last 24 h.
  C: { created: -13 * H, status: 'assigned', category: 'flooding', agency: 'dien-luc', due: -H, triagedAfter: H / 6 },
  D: {
    created: -48 * H,
    status: 'resolved',
    category: 'road',
    agency: 'so-xay-dung',
    due: -12 * H,
    resolved: -24 * H,
    triagedAfter: 1.5 * H,
  },
  E: { created: -72 * H, status: 'resolved', category: 'road', agency: 'so-xay-dung', due: -48 * H, resolved: -H },
  F: { created: -96 * H, status: 'in_progress', category: 'flooding', agency: 'dien-luc', due: -72 * H },
  G: {
    created: -240 * H,
    status: 'resolved',
    category: 'road',
    agency: 'so-xay-dung',
    due: -200 * H,
    resolved: -230 * H,
  },
  H: { created: -H / 2, status: 'merged', category: 'road', agency: 'so-xay-dung' },
  I: { created: -5 * H, status: 'received', category: 'rubbish', agency: null, responseDue: 5 * H },
  K: { created: -3 * H, status: 'rejected', category: 'road', agency: 'so-xay-dung', triagedAfter: (5 / 6) * H },
  // Made after NOW: counted nowhere.
  L: { created: H, status: 'received', category: 'road', agency: 'dien-luc', responseDue: -H / 2 },
};

let app: DispatchApp;
let stats: WallStats;
beforeAll(async () => {
  app = await startDispatchApp();
  for (const p of Object.values(REPORTS)) {
    const id = await app.createReport({ category: p.category });
    const far = 48 * H; // a deadline not given is far away, so only the ones given are past
    await app.db.query(
      `UPDATE reports SET created_at = $2, status = $3, agency_id = $4, response_due_at = $5, due_at = $6, resolved_at = $7
        WHERE id = $1`,
      [
        id,
        at(p.created),
        p.status,
        p.agency,
        at(p.responseDue ?? far),
        at(p.due ?? far),
        p.resolved ? at(p.resolved) : null,
      ],
    );
    if (p.triagedAfter !== undefined)
      await app.db.query(
        `INSERT INTO report_timeline (report_id, at, actor_name, actor_role, from_status, to_status)
         VALUES ($1, $2, 'Điều phối viên', 'dispatcher', 'received', $3)`,
        [id, at(p.created + p.triagedAfter), p.status === 'rejected' ? 'rejected' : 'triaged'],
      );
  }
  stats = await wallStats(app.db, NOW);
}, 120_000);
afterAll(async () => app?.close());

describe('wall figures, by hand', () => {
  it('received today: A, B, I, K since local midnight (C was 23:00 yesterday, H merged, L after now)', () => {
    expect(stats.receivedToday).toBe(4);
  });

  it('open A, B, C, F, I; overdue A (response), C and F (resolution)', () => {
    expect(stats.open).toBe(5);
    expect(stats.overdue).toBe(3);
  });

  it('resolved on time: of C, D, E, F (outcome known, last 7 days) only D', () => {
    expect(stats.outcomeKnown).toBe(4);
    expect(stats.resolvedOnTime).toBe(1);
  });

  it('median time to triage over first actions in the last 24 h: B 30, C 10, K 50 minutes -> 30 (D is older)', () => {
    expect(stats.medianTriageMinutes).toBeCloseTo(30, 9);
  });

  it('per agency, most overdue first: Y 2 of 2, X 1 of 2, unrouted 0 of 1', () => {
    expect(stats.byAgency.map((a) => [a.agencyId, a.open, a.overdue])).toEqual([
      ['dien-luc', 2, 2],
      ['so-xay-dung', 2, 1],
      [null, 1, 0],
    ]);
    expect(stats.byAgency[0].nameVi).toBe('Công ty Điện lực Thanh Hóa');
  });

  it('hourly trend: 24 clock hours for each category seen, zeros included', () => {
    const hours = new Set(stats.hourly.map((r) => r.at.toISOString()));
    expect(hours.size).toBe(24);
    expect([...hours][0]).toBe('2026-03-09T06:00:00.000Z');
    expect(new Set(stats.hourly.map((r) => r.category))).toEqual(new Set(['road', 'flooding', 'rubbish']));
    const n = (iso: string, c: string) => stats.hourly.find((r) => r.at.toISOString() === iso && r.category === c)?.n;
    expect(n('2026-03-10T04:00:00.000Z', 'road')).toBe(1); // A
    expect(n('2026-03-09T16:00:00.000Z', 'flooding')).toBe(1); // C
    expect(n('2026-03-10T00:00:00.000Z', 'rubbish')).toBe(1); // I
    expect(n('2026-03-10T01:00:00.000Z', 'road')).toBe(0);
    expect(stats.hourly.reduce((s, r) => s + r.n, 0)).toBe(5); // A, B, C, I, K
  });

  it('daily trend: 7 local days, today holding A, B, K (road) and I (rubbish)', () => {
    const days = [...new Set(stats.daily.map((r) => r.at.toISOString()))];
    expect(days).toHaveLength(7);
    expect(days[6]).toBe('2026-03-09T17:00:00.000Z');
    expect(days[0]).toBe('2026-03-03T17:00:00.000Z');
    const n = (iso: string, c: string) => stats.daily.find((r) => r.at.toISOString() === iso && r.category === c)?.n;
    expect(n(days[6], 'road')).toBe(3);
    expect(n(days[6], 'rubbish')).toBe(1);
    expect(n(days[5], 'flooding')).toBe(1); // C, 23:00 yesterday
    expect(stats.daily.reduce((s, r) => s + r.n, 0)).toBe(8); // G is older than 7 days, H merged, L later
  });
});

describe('GET /api/v1/wall/stats', () => {
  it('answers a wall token, refuses anonymous callers and agency officers', async () => {
    const res = await app.kiosk.get('/api/v1/wall/stats');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body as object).sort()).toEqual(
      [
        'at',
        'byAgency',
        'medianTriageMinutes',
        'open',
        'overdue',
        'receivedToday',
        'resolvedOnTimePct',
        'timeZone',
        'trends',
      ].sort(),
    );
    expect(res.body.timeZone).toBe('Asia/Ho_Chi_Minh');
    // Measured at the real now, long after NOW: every open report here is past its deadline.
    expect(res.body.open).toBe(6);
    expect(res.body.overdue).toBe(6);
    expect((await app.anonymous.get('/api/v1/wall/stats')).status).toBe(401);
    const agency = await app.login('agency');
    expect((await agency.get('/api/v1/wall/stats')).status).toBe(403);
  });
});
