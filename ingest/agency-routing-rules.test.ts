// Routing rules through the API: what an administrator changes is what routes the next report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type Caller, type DispatchApp } from './test-support/dispatch-app.ts';

describe('routing rules API', () => {
  let app: DispatchApp;
  let admin: Caller;
  beforeAll(async () => {
    app = await startDispatchApp();
    admin = await app.login('admin');
  });
  afterAll(async () => app?.close());

  it('lists the seeded rules: commune committees for local matters, provincial bodies for the rest', async () => {
    const { status, body } = await (await app.login('dispatcher')).get('/api/v1/routing-rules');
    expect(status).toBe(200);
    expect(body.rules.find((r: any) => r.category === 'rubbish' && r.areaCode === '14797')).toMatchObject({
      agencyId: 'ubnd-14797',
    });
    expect(body.rules.find((r: any) => r.category === 'security')).toMatchObject({
      agencyId: 'cong-an-tinh',
      provinceCode: '38',
      areaCode: null,
    });
  });

  it.each([
    [{ agencyId: 'nobody', category: 'road', effectiveFrom: '2027-01-01' }, 'agencyId', /unknown agency/],
    [{ agencyId: 'so-xay-dung', category: 'potholes', effectiveFrom: '2027-01-01' }, 'category', /unknown category/],
    [
      { agencyId: 'so-xay-dung', areaCode: '14797', provinceCode: '38', effectiveFrom: '2027-01-01' },
      'areaCode',
      /not both/,
    ],
    [{ agencyId: 'so-xay-dung', effectiveFrom: '1/1/2027' }, 'effectiveFrom', /YYYY-MM-DD/],
    [{ agencyId: 'so-xay-dung', effectiveFrom: '2027-01-01', priority: 1 }, 'priority', /not an accepted field/],
  ])('refuses %j naming %s', async (body, field, reason) => {
    const before = (await app.db.query('SELECT count(*)::int n FROM routing_rules')).rows[0].n;
    const res = await admin.post('/api/v1/routing-rules', body);
    expect(res.status).toBe(422);
    expect(res.body.error.fields.find((f: any) => f.field === field)?.reason).toMatch(reason);
    expect((await app.db.query('SELECT count(*)::int n FROM routing_rules')).rows[0].n).toBe(before);
  });

  it('a new commune-specific rule takes over from its date, and ending it hands back', async () => {
    const { agencyRouting: routing } = app;
    expect(routing.route('road', '14797', '38', new Date('2027-03-01'))?.agencyId).toBe('so-xay-dung');
    const created = await admin.post('/api/v1/routing-rules', {
      agencyId: 'ubnd-14797',
      category: 'road',
      areaCode: '14797',
      effectiveFrom: '2027-02-01',
    });
    expect(created.status).toBe(201);
    expect(routing.route('road', '14797', '38', new Date('2027-03-01'))).toEqual({
      agencyId: 'ubnd-14797',
      ruleId: created.body.id,
    });
    expect(routing.route('road', '14797', '38', new Date('2027-01-15'))?.agencyId).toBe('so-xay-dung');
    expect(
      (await admin.post(`/api/v1/routing-rules/${created.body.id}/end`, { effectiveTo: '2027-01-01' })).status,
    ).toBe(409);
    expect(
      (await admin.post(`/api/v1/routing-rules/${created.body.id}/end`, { effectiveTo: '2027-04-01' })).status,
    ).toBe(200);
    expect(routing.route('road', '14797', '38', new Date('2027-05-01'))?.agencyId).toBe('so-xay-dung');
    const log = await app.db.query("SELECT kind FROM events WHERE kind LIKE 'routing.%' ORDER BY id");
    expect(log.rows.map((r) => r.kind)).toEqual(['routing.added', 'routing.ended']);
  });

  it.each([
    ['rubbish in Hạc Thành', { category: 'rubbish' }, 'ubnd-14797', false],
    ['a broken road in Hạc Thành', { category: 'road' }, 'so-xay-dung', false],
    ['a security problem', { category: 'security' }, 'cong-an-tinh', false],
    ['rubbish at sea', { category: 'rubbish', lat: 19.5, lng: 106.3 }, null, true],
  ])('a new report of %s is routed to %s and records the rule', async (_name, body, agencyId, needsTriage) => {
    const id = await app.createReport(body);
    const { rows } = await app.db.query(
      `SELECT r.agency_id, r.needs_triage, r.routing_rule_id, rr.agency_id AS rule_agency,
              (SELECT payload->>'agencyId' FROM events WHERE report_id = r.id AND kind = 'report.created') AS announced
         FROM reports r LEFT JOIN routing_rules rr ON rr.id = r.routing_rule_id WHERE r.id = $1`,
      [id],
    );
    expect(rows[0]).toMatchObject({
      agency_id: agencyId,
      needs_triage: needsTriage,
      rule_agency: agencyId,
      announced: agencyId,
    });
    expect(rows[0].routing_rule_id === null).toBe(agencyId === null);
  });

  it('no rule for a point outside every commune: the report waits for triage', () => {
    expect(app.agencyRouting.route('rubbish', null, null)).toBeNull();
  });
});
