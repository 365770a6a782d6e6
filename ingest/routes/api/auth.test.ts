// Staff sign-in: cookie attributes, wrong passwords, rate limiting, sign-out, and the socket ticket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSocketAuthorizer } from '../../policies/socket-actor.ts';
import { OPERATOR_TOKEN, startDispatchApp, type DispatchApp } from '../../test-support/dispatch-app.ts';

const login = (app: DispatchApp, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('staff sign-in', () => {
  let app: DispatchApp;
  beforeAll(async () => {
    app = await startDispatchApp();
  });
  afterAll(async () => app?.close());

  it('sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie; never returns the hash', async () => {
    const res = await login(app, { username: 'dispatcher', password: 'hientruong-demo' });
    expect(res.status).toBe(200);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('ht_session='))!;
    expect(session).toMatch(/httponly/i);
    expect(session).toMatch(/samesite=strict/i);
    expect(cookies.find((c) => c.startsWith('ht_csrf='))).not.toMatch(/httponly/i);
    const body = await res.json();
    expect(body).toMatchObject({
      audience: 'staff',
      user: { username: 'dispatcher', role: 'dispatcher' },
      csrfToken: expect.any(String),
      socketToken: expect.any(String),
    });
    expect(JSON.stringify(body)).not.toContain('scrypt');
    const { rows } = await app.db.query("SELECT password_hash FROM staff_users WHERE username = 'dispatcher'");
    expect(rows[0].password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it('a wrong password and an unknown user look the same; bad bodies name the field', async () => {
    const wrong = await login(app, { username: 'supervisor', password: 'nope' });
    const unknown = await login(app, { username: 'nobody', password: 'nope' });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect((await wrong.json()).error.code).toBe((await unknown.json()).error.code);
    const bad = await login(app, { username: 'x' });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.fields[0].field).toBe('password');
  });

  it('refuses a sign-in posted from another origin', async () => {
    expect(
      (await login(app, { username: 'dispatcher', password: 'hientruong-demo' }, { origin: 'https://evil.example' }))
        .status,
    ).toBe(403);
  });

  it('session and sign-out: the cookie stops working at once', async () => {
    const staff = await app.login('supervisor');
    expect((await staff.get('/api/v1/auth/session')).body).toMatchObject({
      audience: 'staff',
      user: { role: 'supervisor' },
    });
    expect((await staff.post('/api/v1/auth/logout', {})).status).toBe(204);
    expect((await staff.get('/api/v1/auth/session')).body).toMatchObject({ audience: 'public', user: null });
    expect((await staff.get('/api/v1/queue')).status).toBe(401);
    expect((await app.anonymous.get('/api/v1/auth/session')).body.audience).toBe('public');
    expect((await app.kiosk.get('/api/v1/auth/session')).body.user.role).toBe('wall_viewer');
  });

  it('the socket ticket from the session maps to the same actor as HTTP (and nothing else does)', async () => {
    const secret = 'test-secret';
    const authorize = createSocketAuthorizer({ operatorToken: OPERATOR_TOKEN, ticketSecret: secret });
    expect(authorize({ token: OPERATOR_TOKEN })).toEqual({
      audience: 'staff',
      role: 'wall_viewer',
      agencyId: null,
      unitId: null,
    });
    expect(authorize({})).toEqual({ audience: 'public' });
    expect(authorize({ token: 't1.e30.forged' })).toEqual({ audience: 'public' });
    // A ticket signed by another server (other secret) is worth nothing here.
    const agency = await app.login('agency');
    const ticket = (await agency.get('/api/v1/auth/session')).body.socketToken as string;
    expect(authorize({ token: ticket })).toEqual({ audience: 'public' });
  });
});
