// The administration API on a real database: every change takes effect and leaves an audit row with before/after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

type Client = Awaited<ReturnType<DispatchApp['login']>>;
const AT = { lat: 19.8075, lng: 105.7766 };

describe('/api/v1/admin', () => {
  let app: DispatchApp;
  let admin: Client;
  let supervisor: Client;
  beforeAll(async () => {
    app = await startDispatchApp();
    admin = await app.login('admin');
    supervisor = await app.login('supervisor');
  });
  afterAll(async () => app?.close());

  const audit = async (entity: string) => (await admin.get(`/api/v1/admin/audit?entity=${entity}`)).body.entries;

  it('a routing rule added today routes the next report of that commune to the new agency; preview agrees', async () => {
    const first = await app.createReport({ category: 'rubbish', ...AT });
    const before = (await admin.get(`/api/v1/reports/${first}/dispatch`)).body;
    const preview = async (date?: string) =>
      (
        await supervisor.get(
          `/api/v1/admin/routing-preview?category=rubbish&lat=${AT.lat}&lng=${AT.lng}${date ? `&date=${date}` : ''}`,
        )
      ).body;
    expect((await preview()).agencyId).toBe(before.agencyId);
    const today = new Date().toISOString().slice(0, 10);
    const added = await admin.post('/api/v1/routing-rules', {
      agencyId: 'so-nong-nghiep-moi-truong',
      category: 'rubbish',
      areaCode: before.areaCode,
      effectiveFrom: today,
    });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(await preview()).toMatchObject({ agencyId: 'so-nong-nghiep-moi-truong', ruleId: added.body.id });
    expect((await preview('2025-08-01')).agencyId).toBe(before.agencyId);
    const next = await app.createReport({ category: 'rubbish', ...AT });
    expect((await admin.get(`/api/v1/reports/${next}/dispatch`)).body.agencyId).toBe('so-nong-nghiep-moi-truong');
    expect((await audit('routing_rule'))[0]).toMatchObject({
      actor: 'Quản trị hệ thống',
      action: 'add',
      entityId: added.body.id,
      before: null,
      after: { agencyId: 'so-nong-nghiep-moi-truong' },
    });
  });

  it('SLA deadlines per category change new reports and are audited; supervisors read but cannot write', async () => {
    const body = {
      responseAmount: 3,
      responseUnit: 'hours',
      resolutionAmount: 2,
      resolutionUnit: 'hours',
      priority: 1,
    };
    expect((await supervisor.post('/api/v1/admin/sla/rubbish', body)).status).toBe(403);
    expect((await supervisor.get('/api/v1/admin/sla')).status).toBe(200);
    const bad = await admin.post('/api/v1/admin/sla/rubbish', { ...body, responseUnit: 'weeks' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].field).toBe('responseUnit');
    expect((await admin.post('/api/v1/admin/sla/rubbish', body)).status).toBe(200);
    const id = await app.createReport({ category: 'rubbish' });
    const r = (await admin.get(`/api/v1/reports/${id}/dispatch`)).body;
    expect(Date.parse(r.responseDueAt) - Date.parse(r.createdAt)).toBeCloseTo(3 * 3_600_000, -4);
    expect(r.priority).toBe(1);
    const [entry] = await audit('sla');
    expect(entry).toMatchObject({ entityId: 'rubbish', before: { response_amount: 4 }, after: { response_amount: 3 } });
  });

  it('SLA per category × priority: a high-priority report gets the shorter deadline; the rule is audited', async () => {
    const days = {
      responseAmount: 2,
      responseUnit: 'working_days',
      resolutionAmount: 10,
      resolutionUnit: 'working_days',
    };
    const hours = { responseAmount: 1, responseUnit: 'hours', resolutionAmount: 6, resolutionUnit: 'hours' };
    expect((await admin.post('/api/v1/admin/sla/encroachment', { ...days, priority: 3 })).status).toBe(200);
    const set = await admin.post('/api/v1/admin/sla/encroachment/priority/1', hours);
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ category: 'encroachment', forPriority: 1, resolutionAmount: 6 });
    expect((await supervisor.post('/api/v1/admin/sla/encroachment/priority/1', hours)).status).toBe(403);
    const bad = await admin.post('/api/v1/admin/sla/encroachment/priority/7', hours);
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields[0].field).toBe('priority');
    const sla = (await supervisor.get('/api/v1/admin/sla')).body.sla;
    expect(
      sla.filter((r: { category: string }) => r.category === 'encroachment').map((r: any) => r.forPriority),
    ).toEqual([null, 1]);

    const dueIn = async () => {
      const r = (await admin.get(`/api/v1/reports/${await app.createReport({ category: 'encroachment' })}/dispatch`))
        .body;
      return { priority: r.priority, ms: Date.parse(r.dueAt) - Date.parse(r.createdAt) };
    };
    const normal = await dueIn();
    expect(normal.priority).toBe(3);
    expect(normal.ms).toBeGreaterThan(6 * 86_400_000);
    // The category's default priority raised to 1: the next report gets the priority-1 deadline.
    expect((await admin.post('/api/v1/admin/sla/encroachment', { ...days, priority: 1 })).status).toBe(200);
    const urgent = await dueIn();
    expect(urgent.priority).toBe(1);
    expect(urgent.ms).toBeCloseTo(6 * 3_600_000, -4);
    expect((await audit('sla'))[0]).toMatchObject({ entityId: 'encroachment', action: 'set' });
    expect((await audit('sla')).find((e: { entityId: string }) => e.entityId === 'encroachment:p1')).toMatchObject({
      before: null,
      after: { for_priority: 1, resolution_amount: 6 },
    });

    expect((await admin.post('/api/v1/admin/sla/encroachment/priority/1/delete', {})).status).toBe(204);
    expect((await admin.post('/api/v1/admin/sla/encroachment/priority/1/delete', {})).status).toBe(404);
    expect((await dueIn()).ms).toBeGreaterThan(6 * 86_400_000);
  });

  it('keeps the holiday calendar per year', async () => {
    const day = { day: '2028-01-26', dayOff: true, nameVi: 'Tết Nguyên đán', nameEn: 'Lunar New Year' };
    expect((await admin.post('/api/v1/admin/holidays', day)).status).toBe(201);
    expect((await admin.post('/api/v1/admin/holidays', { ...day, day: '2028-02-30' })).status).toBe(422);
    expect((await supervisor.get('/api/v1/admin/holidays?year=2028')).body.days).toEqual([day]);
    expect((await admin.post('/api/v1/admin/holidays/2028-01-26/delete', {})).status).toBe(204);
    expect((await admin.get('/api/v1/admin/holidays?year=2028')).body.days).toEqual([]);
    expect((await audit('holiday')).map((e: { action: string }) => e.action)).toEqual(['delete', 'set']);
  });

  it('deactivating a staff account ends its sessions at once', async () => {
    const victim = await app.login('dispatcher2');
    expect((await victim.get('/api/v1/queue?limit=1')).status).toBe(200);
    const id = (await admin.get('/api/v1/staff')).body.staff.find(
      (s: { username: string }) => s.username === 'dispatcher2',
    ).id;
    expect((await supervisor.post(`/api/v1/admin/staff/${id}`, { active: false })).status).toBe(403);
    const res = await admin.post(`/api/v1/admin/staff/${id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await victim.get('/api/v1/queue?limit=1')).status).toBe(401);
    await expect(app.login('dispatcher2')).rejects.toThrow(/401/);
    const [entry] = await audit('staff');
    expect(entry).toMatchObject({ action: 'deactivate', before: { active: true }, after: { active: false } });
    expect(JSON.stringify(entry)).not.toContain('password');
    const { rows } = await app.db.query(
      "SELECT payload FROM events WHERE kind = 'staff.changed' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0].payload).toMatchObject({ userId: id, active: false });
  });

  it('field units get a trade and an agency', async () => {
    const unit = { id: 'vs-02', agencyId: 'so-nong-nghiep-moi-truong', name: 'Đội vệ sinh 02', trade: 'sanitation' };
    expect((await admin.post('/api/v1/admin/units', { ...unit, trade: 'juggling' })).body.error.fields).toEqual([
      { field: 'trade', reason: 'unknown trade', reasonVi: 'không có chuyên môn này' },
    ]);
    expect((await admin.post('/api/v1/admin/units', unit)).body).toMatchObject({ ...unit, status: 'off_duty' });
    const listed = (await supervisor.get('/api/v1/admin/units')).body.units;
    expect(listed.find((u: { id: string }) => u.id === 'vs-02')).toMatchObject({ trade: 'sanitation' });
    expect((await audit('unit'))[0]).toMatchObject({ entityId: 'vs-02', before: null, after: { trade: 'sanitation' } });
  });

  it('audits unit and wall token issue and revoke, never the token itself', async () => {
    const unit = await admin.post('/api/v1/units/xd-01/tokens', { label: 'máy dự phòng' });
    expect(unit.status).toBe(201);
    await admin.post(`/api/v1/units/xd-01/tokens/${unit.body.id}/revoke`, {});
    const wall = await admin.post('/api/v1/wall-tokens', { name: 'Tường phòng họp' });
    expect(wall.status).toBe(201);
    await admin.post(`/api/v1/wall-tokens/${wall.body.id}/revoke`, {});
    const units = await audit('unit_token');
    const walls = await audit('wall_token');
    const actions = (entries: { action: string; entityId: string }[], id: string) =>
      entries
        .filter((e) => e.entityId === id)
        .map((e) => e.action)
        .sort();
    expect(actions(units, unit.body.id)).toEqual(['issue', 'revoke']);
    expect(actions(walls, wall.body.id)).toEqual(['issue', 'revoke']);
    const text = JSON.stringify([units, walls]);
    expect(text).not.toContain(unit.body.token);
    expect(text).not.toContain(wall.body.token);
  });
});
