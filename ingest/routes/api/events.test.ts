// GET /api/v1/events: a period of the log for replay, paginated, province-wide staff only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';
import { idsAboutToGainADigit } from '../../../sql/test-support/ids-gaining-a-digit.ts';

interface Page {
  events: { id: string; kind: string; at: string; payload: Record<string, unknown> }[];
  next: string | null;
}

let app: DispatchApp;
beforeAll(async () => {
  app = await startDispatchApp();
});
afterAll(async () => app?.close());

describe('GET /api/v1/events', () => {
  it('pages through the period with next, and the reports made in it are there', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    const ids = [await app.createReport(), await app.createReport(), await app.createReport()];
    const to = new Date(Date.now() + 1000).toISOString();
    const seen: Page['events'] = [];
    let after = '0';
    for (let page = 0; page < 10; page++) {
      const res = await app.kiosk.get(`/api/v1/events?from=${from}&to=${to}&limit=2&after=${after}`);
      expect(res.status).toBe(200);
      const body = res.body as Page;
      seen.push(...body.events);
      if (!body.next) break;
      after = body.next;
    }
    const created = seen.filter((e) => e.kind === 'report.created').map((e) => e.payload.reportId);
    expect(created).toEqual(ids);
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
    expect(Object.keys(seen[0].payload)).not.toContain('sensitive');
    // The SLA trigger's deadlines travel with each change, so a replay can count overdue reports then.
    const first = seen.find((e) => e.kind === 'report.created')!.payload;
    expect(Date.parse(first.responseDueAt as string)).toBeGreaterThan(Date.parse(from));
    expect(first).toMatchObject({ resolvedAt: null });
  });

  it('pages in id order as numbers: across 99 -> 100 every event of the period comes exactly once', async () => {
    // Event ids about to gain a digit: ordered as text ('100' < '97') the pages would skip and repeat events.
    await idsAboutToGainADigit(app.db, 'events');
    const from = new Date(Date.now() - 1000).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await app.createReport());
    const to = new Date(Date.now() + 1000).toISOString();
    const seen: Page['events'] = [];
    let after = '0';
    for (let page = 0; page < 20; page++) {
      const body = (await app.kiosk.get(`/api/v1/events?from=${from}&to=${to}&limit=3&after=${after}`)).body as Page;
      seen.push(...body.events.filter((e) => e.kind === 'report.created'));
      if (!body.next) break;
      after = body.next;
    }
    const { rows: all } = await app.db.query<{ id: string }>(
      `SELECT id::text FROM events WHERE created_at >= $1 AND created_at < $2 AND kind = 'report.created' ORDER BY events.id`,
      [from, to],
    );
    expect(all.some((r) => r.id.length > all[0].id.length)).toBe(true);
    expect(seen.map((e) => e.id)).toEqual(all.map((r) => r.id));
    expect(seen.map((e) => e.payload.reportId).filter((id) => ids.includes(id as string))).toEqual(ids);
  });

  it('refuses a period over 7 days, to before from, and callers without the province-wide view', async () => {
    const week = await app.kiosk.get('/api/v1/events?from=2026-01-01T00:00:00Z&to=2026-01-09T00:00:00Z');
    expect(week.status).toBe(422);
    expect(JSON.stringify(week.body)).toContain('"field":"to"');
    const backwards = await app.kiosk.get('/api/v1/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(backwards.status).toBe(422);
    expect((await app.anonymous.get('/api/v1/events?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z')).status).toBe(
      401,
    );
    const agency = await app.login('agency');
    expect((await agency.get('/api/v1/events?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z')).status).toBe(403);
  });

  it('baseline: each report as it stood before the moment (newest version), with when it was made, paged', async () => {
    const dispatcher = await app.login('dispatcher');
    const a = await app.createReport();
    const b = await app.createReport();
    await new Promise((r) => setTimeout(r, 30));
    const between = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 30));
    expect((await dispatcher.post(`/api/v1/reports/${a}/transitions`, { to: 'triaged' })).status).toBe(200);
    const state = async (at: string) => {
      const seen: { id: string; status: string; version: number; createdAt: string; actedAt: string | null }[] = [];
      let after = '0';
      for (let page = 0; page < 50; page++) {
        const res = await app.kiosk.get(`/api/v1/events/baseline?at=${at}&limit=1&after=${after}`);
        expect(res.status).toBe(200);
        seen.push(...(res.body.reports as typeof seen));
        if (!res.body.next) break;
        after = res.body.next as string;
      }
      return Object.fromEntries(seen.map((r) => [r.id, r]));
    };
    const then = await state(between);
    expect([then[a].status, then[b].status]).toEqual(['received', 'received']);
    expect(Date.parse(then[a].createdAt)).toBeLessThan(Date.parse(between));
    const now = await state(new Date(Date.now() + 1000).toISOString());
    expect(now[a]).toMatchObject({ status: 'triaged', version: then[a].version + 1 });
    // When the desk first acted on it (time to triage), known only once it has.
    expect(then[a].actedAt).toBeNull();
    expect(Date.parse(now[a].actedAt!)).toBeGreaterThan(Date.parse(between));
    expect(Object.keys(now[a])).not.toContain('description');
    expect((await app.anonymous.get(`/api/v1/events/baseline?at=${between}`)).status).toBe(401);
    expect((await app.kiosk.get('/api/v1/events/baseline?at=yesterday')).status).toBe(422);
  });
});
