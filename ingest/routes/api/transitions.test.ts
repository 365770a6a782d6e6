// The workflow over HTTP on a real Postgres: 401/403/409/422, the timeline, and the event each move appends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

describe('POST /api/v1/reports/:id/transitions', () => {
  let app: DispatchApp;
  let dispatcher: Awaited<ReturnType<DispatchApp['login']>>;
  beforeAll(async () => {
    app = await startDispatchApp();
    dispatcher = await app.login('dispatcher');
  });
  afterAll(async () => app?.close());

  it('anonymous 401, kiosk 403, illegal 409 with the reason, bad body 422 naming the field', async () => {
    const id = await app.createReport();
    expect((await app.anonymous.post(`/api/v1/reports/${id}/transitions`, { to: 'triaged' })).status).toBe(401);
    expect((await app.kiosk.post(`/api/v1/reports/${id}/transitions`, { to: 'triaged' })).status).toBe(403);
    const illegal = await dispatcher.post(`/api/v1/reports/${id}/transitions`, { to: 'closed' });
    expect(illegal.status).toBe(409);
    expect(illegal.body.error.message).toMatch(/from received to closed/);
    const bad = await dispatcher.post(`/api/v1/reports/${id}/transitions`, { to: 'flying' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].field).toBe('to');
    const noReason = await dispatcher.post(`/api/v1/reports/${id}/transitions`, { to: 'rejected' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.fields[0].field).toBe('reason');
    const extra = await dispatcher.post(`/api/v1/reports/${id}/transitions`, { to: 'triaged', who: 'me' });
    expect(extra.body.error.fields[0].field).toBe('who');
  });

  it('a cookie write without the CSRF header is refused, and so is a foreign Origin', async () => {
    const id = await app.createReport();
    const noCsrf = await fetch(`${app.url}/api/v1/reports/${id}/transitions`, {
      method: 'POST',
      headers: { cookie: dispatcher.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ to: 'triaged' }),
    });
    expect(noCsrf.status).toBe(403);
    const foreign = await fetch(`${app.url}/api/v1/reports/${id}/transitions`, {
      method: 'POST',
      headers: {
        cookie: dispatcher.cookie,
        'x-csrf-token': dispatcher.csrf,
        origin: 'https://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ to: 'triaged' }),
    });
    expect(foreign.status).toBe(403);
    expect((await app.db.query('SELECT status FROM reports WHERE id = $1', [id])).rows[0].status).toBe('received');
  });

  it('each move bumps the version, writes the timeline and appends report.updated in the same transaction', async () => {
    const id = await app.createReport();
    const triaged = await dispatcher.post(`/api/v1/reports/${id}/transitions`, {
      to: 'triaged',
      note: 'Đúng thẩm quyền Sở Xây dựng',
    });
    expect(triaged.status).toBe(200);
    expect(triaged.body).toMatchObject({ status: 'triaged', version: 2 });
    const { rows: events } = await app.db.query(
      'SELECT kind, payload, request_id FROM events WHERE report_id = $1 ORDER BY id',
      [id],
    );
    expect(events.map((e) => e.kind)).toEqual(['report.created', 'report.updated']);
    expect(events[1].payload).toMatchObject({ status: 'triaged', version: 2 });
    // Each event names the request that wrote it: the citizen's POST, then the dispatcher's move.
    for (const e of events) expect(e.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(events[1].request_id).not.toBe(events[0].request_id);

    const stale = await dispatcher.post(`/api/v1/reports/${id}/transitions`, { to: 'assigned', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(
      (await dispatcher.post(`/api/v1/reports/${id}/transitions`, { to: 'assigned', expectedVersion: 2 })).status,
    ).toBe(200);
    const resolved = await dispatcher.post(`/api/v1/reports/${id}/transitions`, {
      to: 'resolved',
      publicReply: 'Đã vá ổ gà',
      note: 'xe số 3',
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', version: 4 });

    const staffView = await dispatcher.get(`/api/v1/reports/${id}/timeline`);
    expect(staffView.body.entries.map((e: any) => `${e.from}>${e.to}`)).toEqual([
      'received>received',
      'received>triaged',
      'triaged>assigned',
      'assigned>resolved',
    ]);
    expect(staffView.body.entries[1]).toMatchObject({
      actor: { role: 'dispatcher' },
      internalNote: 'Đúng thẩm quyền Sở Xây dựng',
    });
    const publicView = await app.anonymous.get(`/api/v1/reports/${id}/timeline`);
    expect(publicView.body.entries.map((e: any) => e.to)).toEqual(['received', 'triaged', 'assigned', 'resolved']);
    expect(publicView.body.entries[3].publicReply).toBe('Đã vá ổ gà');
    const text = JSON.stringify(publicView.body);
    for (const secret of ['Đúng thẩm quyền', 'xe số 3', 'Nguyễn Thị Hà', 'dispatcher'])
      expect(text).not.toContain(secret);
  });

  it('rejects with a reason; reopens within the window only; a stale move never half-writes', async () => {
    const id = await app.createReport();
    expect(
      (await dispatcher.post(`/api/v1/reports/${id}/transitions`, { to: 'rejected', reason: 'spam' })).body
        .rejectReason,
    ).toBe('spam');
    // Only supervisors reopen a rejected report.
    expect((await dispatcher.post(`/api/v1/reports/${id}/transitions`, { to: 'reopened', note: 'x' })).status).toBe(
      403,
    );
    const supervisor = await app.login('supervisor');
    expect(
      (await supervisor.post(`/api/v1/reports/${id}/transitions`, { to: 'reopened', note: 'Công dân bổ sung ảnh' }))
        .status,
    ).toBe(200);

    const other = await app.createReport();
    await dispatcher.post(`/api/v1/reports/${other}/transitions`, { to: 'assigned' });
    await dispatcher.post(`/api/v1/reports/${other}/transitions`, { to: 'resolved', publicReply: 'Xong' });
    await app.db.query("UPDATE reports SET resolved_at = now() - interval '8 days' WHERE id = $1", [other]);
    const late = await dispatcher.post(`/api/v1/reports/${other}/transitions`, { to: 'reopened', note: 'chưa xong' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('reopen_window_passed');
    await app.db.query("UPDATE reports SET resolved_at = now() - interval '1 day' WHERE id = $1", [other]);
    expect(
      (await dispatcher.post(`/api/v1/reports/${other}/transitions`, { to: 'reopened', note: 'chưa xong' })).body
        .status,
    ).toBe('reopened');
  });

  it('merged is reachable only through the merge command', async () => {
    const id = await app.createReport();
    const res = await dispatcher.post(`/api/v1/reports/${id}/transitions`, { to: 'merged' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('use_merge');
  });
});
