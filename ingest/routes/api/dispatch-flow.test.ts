// Dispatch end to end over HTTP: duplicates and merge, nearest units and assignment, the unit resolving, SLA flags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

describe('duplicates, incidents, units and the queue', () => {
  let app: DispatchApp;
  let dispatcher: Awaited<ReturnType<DispatchApp['login']>>;
  beforeAll(async () => {
    app = await startDispatchApp();
    dispatcher = await app.login('dispatcher');
  });
  afterAll(async () => app?.close());

  it('suggests same-category reports nearby and recent, and merges them into one incident', async () => {
    const first = await app.createReport({ category: 'flooding', lat: 19.8075, lng: 105.7766 });
    const near = await app.createReport({ category: 'flooding', lat: 19.8078, lng: 105.7768 });
    const otherCategory = await app.createReport({ category: 'rubbish', lat: 19.8075, lng: 105.7766 });
    const far = await app.createReport({ category: 'flooding', lat: 19.82, lng: 105.7766 });
    const old = await app.createReport({ category: 'flooding', lat: 19.8075, lng: 105.7767 });
    await app.db.query("UPDATE reports SET created_at = now() - interval '5 days' WHERE id = $1", [old]);

    const dup = await dispatcher.get(`/api/v1/reports/${near}/duplicates`);
    expect(dup.status).toBe(200);
    const ids = dup.body.candidates.map((c: any) => c.id);
    expect(ids).toContain(first);
    for (const id of [otherCategory, far, old, near]) expect(ids).not.toContain(id);
    expect(dup.body.candidates[0].distanceM).toBeLessThan(60);

    const merged = await dispatcher.post(`/api/v1/reports/${near}/merge`, { into: first, note: 'cùng điểm ngập' });
    expect(merged.status).toBe(200);
    expect(merged.body.report).toMatchObject({
      status: 'merged',
      incidentId: expect.any(String),
      incidentStatus: 'received',
      incidentSize: 2,
    });
    const third = await app.createReport({ category: 'flooding', lat: 19.8076, lng: 105.7765 });
    // Merging into a member means merging into its incident.
    expect((await dispatcher.post(`/api/v1/reports/${third}/merge`, { into: near })).body.report.incidentSize).toBe(3);

    // The incident moves; every member shows its status.
    await dispatcher.post(`/api/v1/reports/${first}/transitions`, { to: 'triaged' });
    const member = await dispatcher.get(`/api/v1/reports/${near}/dispatch`);
    expect(member.body).toMatchObject({ status: 'merged', incidentStatus: 'triaged', incidentSize: 3 });
    const { rows } = await app.db.query(
      "SELECT report_id::text, payload FROM events WHERE kind = 'report.updated' AND report_id = ANY($1::bigint[]) ORDER BY id",
      [[first, near, third]],
    );
    expect(rows.map((r) => `${r.report_id}:${r.payload.status}`)).toEqual([
      `${near}:merged`,
      `${first}:received`,
      `${third}:merged`,
      `${first}:triaged`,
    ]);
    // A merged report cannot be merged again, nor into itself.
    expect((await dispatcher.post(`/api/v1/reports/${near}/merge`, { into: first })).status).toBe(409);
    expect((await dispatcher.post(`/api/v1/reports/${first}/merge`, { into: first })).status).toBe(409);
  });

  it('suggests the nearest available units and assigns in one action; the unit resolves through its phone', async () => {
    const id = await app.createReport({ category: 'road', lat: 19.81, lng: 105.7712 });
    const nearest = await dispatcher.get(`/api/v1/reports/${id}/units/nearest?limit=3`);
    // The road agency's own teams, nearest first, before closer units of other agencies (ca-01 is 1.19 km away).
    expect(nearest.body.units.map((u: any) => u.id)).toEqual(['xd-01', 'xd-02', 'ss-01']);
    expect(
      (await dispatcher.get(`/api/v1/reports/${id}/units/nearest?limit=5`)).body.units.map((u: any) => u.id),
    ).toEqual(['xd-01', 'xd-02', 'ss-01', 'ca-01', 'dl-01']);
    expect(nearest.body.units[0].distanceM).toBe(22);

    const assigned = await dispatcher.post(`/api/v1/reports/${id}/assign`, { unitId: 'xd-01' });
    expect(assigned.status).toBe(200);
    expect(assigned.body.report).toMatchObject({ status: 'assigned', unitId: 'xd-01', agencyId: 'so-xay-dung' });
    expect(assigned.body.unit).toMatchObject({ status: 'en_route', reportIds: [id] });
    expect((await dispatcher.post(`/api/v1/reports/${id}/assign`, { unitId: 'xd-01' })).status).toBe(409);
    const busy = await app.createReport({ category: 'road' });
    expect((await dispatcher.post(`/api/v1/reports/${busy}/assign`, { unitId: 'xd-01' })).body.error.code).toBe(
      'unit_busy',
    );
    expect(
      (await dispatcher.get(`/api/v1/reports/${id}/units/nearest`)).body.units.map((u: any) => u.id),
    ).not.toContain('xd-01');

    const phone = app.unitPhone('xd-01');
    expect(
      (await phone.post('/api/v1/units/xd-01/position', { lat: 19.8101, lng: 105.7713, status: 'on_scene' })).body,
    ).toMatchObject({ status: 'on_scene', lat: 19.8101 });
    expect((await phone.post(`/api/v1/reports/${id}/transitions`, { to: 'in_progress' })).status).toBe(200);
    const done = await phone.post(`/api/v1/reports/${id}/transitions`, {
      to: 'resolved',
      publicReply: 'Đã vá mặt đường',
    });
    expect(done.body).toMatchObject({ status: 'resolved', unitId: null });
    const unit = (await dispatcher.get('/api/v1/units')).body.units.find((u: any) => u.id === 'xd-01');
    expect(unit).toMatchObject({ status: 'available', reportIds: [] });
    const kinds = (
      await app.db.query(
        "SELECT kind, payload FROM events WHERE kind = 'unit.updated' AND payload->>'unitId' = 'xd-01' ORDER BY id",
      )
    ).rows;
    expect(kinds.map((k) => k.payload.status)).toEqual(['en_route', 'on_scene', 'on_scene', 'available']);
    const timeline = (await dispatcher.get(`/api/v1/reports/${id}/timeline`)).body.entries;
    expect(timeline.map((e: any) => `${e.to}:${e.actor.role}`)).toEqual([
      'received:reporter',
      'assigned:dispatcher',
      'in_progress:field_officer',
      'resolved:field_officer',
    ]);
  });

  it('flags overdue and at-risk reports, puts overdue first, and escalates them to the supervisor queue', async () => {
    const overdue = await app.createReport({ category: 'security', lat: 19.8, lng: 105.77 });
    const atRisk = await app.createReport({ category: 'road', lat: 19.8, lng: 105.77 });
    const fine = await app.createReport({ category: 'road', lat: 19.8, lng: 105.77 });
    await app.db.query(
      "UPDATE reports SET created_at = now() - interval '2 hours', response_due_at = now() - interval '1 hour' WHERE id = $1",
      [overdue],
    );
    await app.db.query(
      "UPDATE reports SET created_at = now() - interval '3 hours 30 minutes', response_due_at = now() + interval '30 minutes' WHERE id = $1",
      [atRisk],
    );
    const queue = (await dispatcher.get('/api/v1/queue?status=received')).body.items;
    const byId = (id: string) => queue.find((i: any) => i.id === id);
    expect(byId(overdue).sla).toMatchObject({ phase: 'response', overdue: true });
    expect(byId(atRisk).sla).toMatchObject({ overdue: false, atRisk: true });
    expect(byId(fine).sla).toMatchObject({ overdue: false, atRisk: false });
    expect(queue[0].id).toBe(overdue);
    expect(queue.findIndex((i: any) => i.id === atRisk)).toBeLessThan(queue.findIndex((i: any) => i.id === fine));
    const supervisor = await app.login('supervisor');
    const escalated = (await supervisor.get('/api/v1/queue?view=supervisor')).body.items.map((i: any) => i.id);
    expect(escalated).toContain(overdue);
    expect(escalated).not.toContain(fine);
    expect(
      (await dispatcher.get('/api/v1/queue?category=security')).body.items.every((i: any) => i.category === 'security'),
    ).toBe(true);
    expect((await dispatcher.get('/api/v1/queue?status=nope')).status).toBe(422);
  });
});
