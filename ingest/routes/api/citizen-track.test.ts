// The citizen loop over HTTP: idempotent submissions, random codes, tracking by code with the secret, and the
// reporter rating, reopening and confirming after the agency's public reply.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedReportDTO, ErrorDTO, QueueDTO, TimelineDTO, TrackDTO } from '../../presenters/dto.ts';
import { sampleReport, startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

const CODE = /^TH-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('citizen submissions and tracking', () => {
  let app: DispatchApp;
  let dispatcher: Awaited<ReturnType<DispatchApp['login']>>;
  beforeAll(async () => {
    app = await startDispatchApp();
    dispatcher = await app.login('dispatcher');
  });
  afterAll(async () => app?.close());

  const submit = async (body: unknown, key?: string) => {
    const res = await fetch(`${app.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as CreatedReportDTO & ErrorDTO };
  };
  const count = async () => (await app.db.query<{ n: number }>('SELECT count(*)::int n FROM reports')).rows[0].n;
  const track = async (code: string, secret?: string) => {
    const res = await fetch(`${app.url}/api/v1/track/${code}${secret ? `?k=${secret}` : ''}`);
    return { status: res.status, body: (await res.json()) as TrackDTO & ErrorDTO };
  };

  it('20 concurrent retries with one Idempotency-Key make one report and get the same answer', async () => {
    const before = await count();
    const body = { ...sampleReport, description: 'Gửi lại nhiều lần khi mạng chập chờn' };
    const answers = await Promise.all(Array.from({ length: 20 }, () => submit(body, 'retry-key-0001')));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => JSON.stringify(a.body))).size).toBe(1);
    const later = await submit(
      { description: body.description, lng: body.lng, lat: body.lat, category: 'road' },
      'retry-key-0001',
    );
    expect(later.body).toEqual(answers[0].body);
    expect(await count()).toBe(before + 1);
    const { rows } = await app.db.query<{ n: number }>(
      "SELECT count(*)::int n FROM events WHERE kind = 'report.created' AND report_id = $1",
      [answers[0].body.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it('two servers on one database (no shared memory) still make one report per key', async () => {
    const { createPool } = await import('../../../sql/db.ts');
    const { submitCitizenReport } = await import('../../citizen/submit-report.ts');
    const { loadCatalog } = await import('../../catalog.ts');
    const other = createPool(
      (app.db as unknown as { options: { connectionString: string } }).options.connectionString,
      4,
    );
    try {
      const catalog = await loadCatalog(other);
      const { ReportBatcher } = await import('../../report-batcher.ts');
      // Each server has its own batcher and its own submissions in flight: only the database is shared.
      const servers = [app.db, other].map((db) => ({
        db,
        catalog,
        geocoder: { lookup: () => null },
        agencyRouting: app.agencyRouting,
        reportBatcher: new ReportBatcher(db),
        submissionsInFlight: new Map<string, Promise<void>>(),
      }));
      const deps = (db: typeof other) => servers[db === other ? 1 : 0] as never;
      const before = await count();
      const body = { ...sampleReport, description: 'Hai máy chủ cùng nhận' };
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          submitCitizenReport(deps(i % 2 ? other : app.db), body, 'two-servers-key'),
        ),
      );
      expect(new Set(answers.map((a) => a.answer.id)).size).toBe(1);
      expect(answers.filter((a) => !a.replayed).length).toBe(1);
      expect(await count()).toBe(before + 1);
    } finally {
      await other.end();
    }
  });

  it('the same key with another body is a 409 naming Idempotency-Key; a malformed key a 422', async () => {
    expect((await submit(sampleReport, 'another-key-1')).status).toBe(201);
    const other = await submit({ ...sampleReport, description: 'Một sự việc khác' }, 'another-key-1');
    expect(other.status).toBe(409);
    expect(other.body.error.fields?.[0].field).toBe('Idempotency-Key');
    const short = await submit(sampleReport, 'short');
    expect(short.status).toBe(422);
    expect(short.body.error.fields?.[0].field).toBe('Idempotency-Key');
  });

  it('new codes and ids are random; the secret is stored hashed', async () => {
    const a = (await submit(sampleReport)).body;
    const b = (await submit(sampleReport)).body;
    expect(a.code).toMatch(CODE);
    expect(b.code).toMatch(CODE);
    expect(BigInt(a.id)).toBeGreaterThan(2n ** 50n);
    expect(BigInt(b.id) - BigInt(a.id)).not.toBe(1n);
    expect(a.trackingUrl).toBe(`/track/${a.code}?k=${a.trackingSecret}`);
    expect(a.trackingSecret!.length).toBeGreaterThanOrEqual(20);
    const { rows } = await app.db.query<{ h: Buffer }>('SELECT tracking_secret_hash h FROM reports WHERE id = $1', [
      a.id,
    ]);
    expect(rows[0].h.toString('hex')).not.toContain(Buffer.from(a.trackingSecret!).toString('hex'));
    expect(rows[0].h.equals(createHash('sha256').update(a.trackingSecret!).digest())).toBe(false);
    expect(rows[0].h.length).toBe(32);
  });

  it('tracks by code: public without the secret, reporter with it; 400 malformed, 404 unknown, old codes work', async () => {
    const created = (await submit(sampleReport)).body;
    const pub = (await track(created.code)).body;
    expect(pub).toMatchObject({ code: created.code, reportId: created.id, status: 'received', phase: 'received' });
    expect(pub).toMatchObject({ reporter: false, canRate: false, canReopen: false, photos: [], rating: null });
    expect(pub.timeline.map((t) => t.label)).toEqual(['Đã tiếp nhận']);
    expect(pub.area?.code).toBeTruthy();
    expect((await track(created.code, created.trackingSecret)).body.reporter).toBe(true);
    expect((await track(created.code, 'wrong-secret')).body.reporter).toBe(false);
    // Typed by hand: lower case, O for 0, L for 1.
    const typed = created.code.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect((await track(typed)).body.code).toBe(created.code);
    const bad = await track('not-a-code!');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0].field).toBe('code');
    expect((await track('TH-ZZZZ-ZZZZ')).status).toBe(404);
    await app.db.query("UPDATE reports SET tracking_code = 'TH-2026-000042' WHERE id = $1", [created.id]);
    expect((await track('TH-2026-000042')).body.reportId).toBe(created.id);
    // The report itself by code, as a citizen would try it.
    expect((await app.anonymous.get('/api/v1/reports/TH-2026-000042')).body).toMatchObject({ id: created.id });
    const other = (await submit(sampleReport)).body;
    expect((await app.anonymous.get(`/api/v1/reports/${other.code.toLowerCase()}`)).body).toMatchObject({
      id: other.id,
    });
    expect((await app.anonymous.get('/api/v1/reports/TH-ZZZZ-ZZZZ')).status).toBe(404);
    expect((await app.anonymous.get('/api/v1/reports/TH-!!')).status).toBe(400);
  });

  it('a sensitive report shows no commune to the public, only to its reporter', async () => {
    const created = (await submit({ ...sampleReport, category: 'security' })).body;
    expect((await track(created.code)).body.area).toBeNull();
    expect((await track(created.code, created.trackingSecret)).body.area?.code).toBe(created.area?.code);
  });

  it('the reporter rates, reopens within 7 days (back in the queue with the reason), and confirms', async () => {
    const created = (await submit(sampleReport)).body;
    const { code, trackingSecret: secret } = created;
    const post = async (what: string, body: object) => {
      const res = await fetch(`${app.url}/api/v1/track/${code}/${what}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as TrackDTO & ErrorDTO };
    };
    expect((await post('rating', { secret, stars: 4 })).status).toBe(409);
    const resolve = async () => {
      expect((await dispatcher.post(`/api/v1/reports/${created.id}/transitions`, { to: 'assigned' })).status).toBe(200);
      const done = await dispatcher.post(`/api/v1/reports/${created.id}/transitions`, {
        to: 'resolved',
        publicReply: 'Đã vá ổ gà, cảm ơn bạn',
        note: 'nội bộ: đội 2',
      });
      expect(done.status).toBe(200);
    };
    await resolve();
    const resolved = (await track(code, secret)).body;
    expect(resolved).toMatchObject({ status: 'resolved', phase: 'resolved', canRate: true, canReopen: true });
    expect(resolved.timeline.map((t) => t.status)).toEqual(['received', 'assigned', 'resolved']);
    expect(resolved.timeline[2].publicReply).toBe('Đã vá ổ gà, cảm ơn bạn');
    expect(JSON.stringify(resolved)).not.toContain('nội bộ');
    expect(resolved.reopenUntil).not.toBeNull();

    expect((await post('rating', { secret: 'nope', stars: 4 })).status).toBe(403);
    const stars0 = await post('rating', { secret, stars: 0 });
    expect(stars0.status).toBe(422);
    expect(stars0.body.error.fields?.[0].field).toBe('stars');
    const rated = await post('rating', { secret, stars: 2, comment: 'Vẫn còn lồi lõm' });
    expect(rated.body.rating).toEqual({ stars: 2, comment: 'Vẫn còn lồi lõm' });
    expect((await track(code)).body.rating).toEqual({ stars: 2, comment: null });

    const reopened = await post('reopen', { secret, reason: 'Ổ gà lại xuất hiện sau mưa' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'reopened', phase: 'received', canReopen: false });
    const queue = (await dispatcher.get('/api/v1/queue')).body as QueueDTO;
    expect(queue.items.find((i) => i.id === created.id)?.status).toBe('reopened');
    const staffTimeline = (await dispatcher.get(`/api/v1/reports/${created.id}/timeline`)).body as TimelineDTO;
    expect(staffTimeline.entries.at(-1)).toMatchObject({ to: 'reopened', reason: 'Ổ gà lại xuất hiện sau mưa' });

    await resolve();
    const confirmed = await post('confirm', { secret });
    expect(confirmed.body).toMatchObject({ status: 'closed', phase: 'closed' });
    expect((await post('confirm', { secret })).status).toBe(409);
  });

  it('reopening is refused after 7 days', async () => {
    const created = (await submit(sampleReport)).body;
    await app.db.query(
      "UPDATE reports SET status = 'resolved', resolved_at = now() - interval '8 days' WHERE id = $1",
      [created.id],
    );
    expect((await track(created.code, created.trackingSecret)).body.canReopen).toBe(false);
    const res = await fetch(`${app.url}/api/v1/track/${created.code}/reopen`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: created.trackingSecret, reason: 'vẫn hỏng' }),
    });
    expect(res.status).toBe(409);
  });
});
