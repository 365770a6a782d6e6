// GET /api/v1/events: a period of the log for replay, paginated, province-wide staff only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

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
});
