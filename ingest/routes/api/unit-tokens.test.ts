// Unit phone tokens: random, hashed, issued and revoked by an administrator; demo secrets dead in production.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../auth/tokens.ts';
import type { IssuedUnitTokenDTO, UnitTokenDTO } from '../../presenters/dto.ts';
import { DEMO_PASSWORD } from '../../../sql/seed/dispatch-data.ts';
import { startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

const bearer = (app: DispatchApp, token: string, path: string, body: unknown) =>
  fetch(app.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
const move = (app: DispatchApp, token: string) =>
  bearer(app, token, '/api/v1/units/xd-01/position', { lat: 19.81, lng: 105.77 });

describe('unit phone tokens', () => {
  let app: DispatchApp;
  beforeAll(async () => {
    app = await startDispatchApp();
  });
  afterAll(async () => app?.close());

  it('an administrator issues a random token, shown once and stored only as a hash; revoking it ends it', async () => {
    const admin = await app.login('admin');
    const issued = await admin.post('/api/v1/units/xd-01/tokens', { label: 'máy dự phòng' });
    expect(issued.status).toBe(201);
    const dto = issued.body as IssuedUnitTokenDTO;
    expect(dto.token).toMatch(/^unit_[A-Za-z0-9_-]{32}$/);
    expect(dto).toMatchObject({ unitId: 'xd-01', label: 'máy dự phòng', demo: false, revokedAt: null });
    const stored = await app.db.query<{ token_hash: string }>('SELECT token_hash FROM unit_tokens WHERE id = $1', [
      dto.id,
    ]);
    expect(stored.rows[0].token_hash).toBe(hashToken(dto.token));
    expect((await move(app, dto.token)).status).toBe(200);

    const listed = await admin.get('/api/v1/units/xd-01/tokens');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(dto.token);
    expect((listed.body as { tokens: UnitTokenDTO[] }).tokens.map((t) => t.id)).toContain(dto.id);

    const revoked = await admin.post(`/api/v1/units/xd-01/tokens/${dto.id}/revoke`, {});
    expect(revoked.status).toBe(200);
    expect((revoked.body as UnitTokenDTO).revokedAt).toEqual(expect.any(String));
    expect((await move(app, dto.token)).status).toBe(401);
    // Another unit's path cannot revoke or reveal it.
    expect((await admin.post(`/api/v1/units/xd-02/tokens/${dto.id}/revoke`, {})).status).toBe(404);
  });

  it('only administrators manage tokens', async () => {
    for (const who of ['dispatcher', 'supervisor', 'agency', 'field']) {
      const c = await app.login(who);
      expect((await c.post('/api/v1/units/xd-01/tokens', {})).status, who).toBe(403);
      expect((await c.get('/api/v1/units/xd-01/tokens')).status, who).toBe(403);
    }
    expect((await app.kiosk.get('/api/v1/units/xd-01/tokens')).status).toBe(403);
    expect((await app.anonymous.post('/api/v1/units/xd-01/tokens', {})).status).toBe(401);
    const admin = await app.login('admin');
    expect((await admin.post('/api/v1/units/no-such-unit/tokens', {})).status).toBe(404);
  });
});

describe('demo secrets under NODE_ENV=production', () => {
  let app: DispatchApp;
  beforeAll(async () => {
    const was = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      app = await startDispatchApp(); // the database still holds every demo account and token
    } finally {
      process.env.NODE_ENV = was;
    }
  });
  afterAll(async () => app?.close());

  it('refuses the published unit_demo_ tokens, the demo password and a demo session, but not a real token', async () => {
    expect((await move(app, 'unit_demo_xd-01')).status).toBe(401);
    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(401);
    // A session opened before the switch to production (or planted in the table) opens nothing either.
    const session = newToken();
    await app.db.query(
      `INSERT INTO staff_sessions (token_hash, user_id, csrf_token, expires_at)
       SELECT $1, id, 'csrf', now() + interval '1 hour' FROM staff_users WHERE username = 'admin'`,
      [hashToken(session)],
    );
    const who = await fetch(`${app.url}/api/v1/auth/session`, { headers: { cookie: `ht_session=${session}` } });
    expect(((await who.json()) as { audience: string }).audience).toBe('public');
    // A token issued to the unit (as an administrator would, through the API on a real account) still works.
    const real = newToken('unit_');
    await app.db.query("INSERT INTO unit_tokens (unit_id, token_hash) VALUES ('xd-01', $1)", [hashToken(real)]);
    expect((await move(app, real)).status).toBe(200);
  });
});
