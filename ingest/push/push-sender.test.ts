// Web Push against a local push-service stand-in that checks the VAPID JWT and decrypts the payload:
// subscription -> alert -> exactly one delivery; a 410 removes the subscription; a reporter hears status changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleAlert } from '../test-support/alerts.ts';
import { sampleReport, startDispatchApp, type Caller, type DispatchApp } from '../test-support/dispatch-app.ts';
import { startPushService, type PushService } from '../test-support/push-service.ts';
import { pushPending } from './push-sender.ts';
import { loadVapidKeys } from './vapid.ts';

describe('web push', () => {
  let app: DispatchApp;
  let service: PushService;
  let admin: Caller;
  beforeAll(async () => {
    app = await startDispatchApp();
    service = await startPushService();
    // The stand-in runs on 127.0.0.1: allowed only because it is configured, as a self-hosted service would be.
    process.env.PUSH_SERVICE_ORIGINS = service.url;
    admin = await app.login('admin');
  });
  afterAll(async () => {
    delete process.env.PUSH_SERVICE_ORIGINS;
    await service?.close();
    await app?.close();
  });

  const subscribe = (path: string, area: object) =>
    app.anonymous.post('/api/v1/push/subscriptions', { subscription: service.subscribe(path), area });

  it('hands out one stored VAPID key, the one pushes are signed with', async () => {
    const a = await app.anonymous.get('/api/v1/push/key');
    const b = await app.anonymous.get('/api/v1/push/key');
    expect(a.body.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);
    expect(b.body.publicKey).toBe(a.body.publicKey);
  });

  it('subscription -> alert -> one delivery, only to subscribers in the area; a 410 removes the subscription', async () => {
    expect((await subscribe('/s/hac-thanh', { commune: '14797' })).status).toBe(201);
    expect((await subscribe('/s/near', { point: { lat: 19.85, lng: 105.775, radiusM: 1000 } })).status).toBe(201);
    expect((await subscribe('/s/far', { commune: '14950' })).status).toBe(201); // Điền Lư
    expect((await subscribe('/s/gone', { commune: '14797' })).status).toBe(201);
    const vapid = await loadVapidKeys(app.db);

    const alert = await admin.post('/api/v1/alerts', sampleAlert());
    await pushPending(app.db, vapid, { agent: service.agent });
    await pushPending(app.db, vapid, { agent: service.agent }); // a second pass sends nothing again
    expect(service.rejected).toEqual([]);
    const got = service.deliveries.filter((d) => d.payload.alertId === alert.body.id);
    expect(got.map((d) => d.path).sort()).toEqual(['/s/hac-thanh', '/s/near']);
    expect(got[0].payload.title).toBe('Cảnh báo mưa lớn');
    expect(got[0].vapidKey).toBe(vapid.publicKey);

    const left = await app.db.query<{ endpoint: string }>('SELECT endpoint FROM push_subscriptions');
    expect(left.rows.map((r) => r.endpoint.replace(service.url, '')).sort()).toEqual([
      '/s/far',
      '/s/hac-thanh',
      '/s/near',
    ]);
    const reach = await app.db.query<{ area_code: string | null; sent: number; delivered: number; failed: number }>(
      `SELECT area_code, sum(sent)::int AS sent, sum(delivered)::int AS delivered, sum(failed)::int AS failed
         FROM alert_reach WHERE alert_id = $1 AND channel = 'push' GROUP BY area_code ORDER BY area_code`,
      [alert.body.id],
    );
    expect(reach.rows).toEqual([
      { area_code: '14797', sent: 2, delivered: 1, failed: 1 },
      { area_code: null, sent: 1, delivered: 1, failed: 0 },
    ]);
  });

  it('one tap unsubscribes: the endpoint alone removes it', async () => {
    const sub = service.subscribe('/s/bye');
    await app.anonymous.post('/api/v1/push/subscriptions', { subscription: sub, area: { commune: '14797' } });
    expect((await app.anonymous.post('/api/v1/push/unsubscribe', { endpoint: sub.endpoint })).body.removed).toBe(true);
    const alert = await admin.post('/api/v1/alerts', sampleAlert());
    await pushPending(app.db, await loadVapidKeys(app.db), { agent: service.agent });
    expect(service.deliveries.filter((d) => d.path === '/s/bye' && d.payload.alertId === alert.body.id)).toEqual([]);
  });

  it('refuses endpoints the server must not call and names bad fields', async () => {
    const res = await app.anonymous.post('/api/v1/push/subscriptions', {
      subscription: { endpoint: 'http://10.0.0.5/internal', keys: { p256dh: 'x', auth: 'y' } },
      area: { commune: '99999' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { field: string }) => f.field)).toEqual(
      expect.arrayContaining(['subscription.endpoint', 'subscription.keys.p256dh']),
    );
  });

  it.each([
    ['plain http on a known service', 'http://fcm.googleapis.com/fcm/send/abc', 'https'],
    ['an unknown host', 'https://push.example.com/abc', 'known push service'],
    ['a known host on another port', 'https://fcm.googleapis.com:8443/fcm/send/abc', 'known push service'],
    ['a look-alike host', 'https://fcm.googleapis.com.evil.example/abc', 'known push service'],
    ['a private address', 'https://10.0.0.5/internal', 'private, loopback or link-local'],
    ['loopback', 'https://127.0.0.1:9/x', 'private, loopback or link-local'],
    ['loopback written as a number', 'https://2130706433/x', 'private, loopback or link-local'],
    ['IPv6 loopback', 'https://[::1]/x', 'private, loopback or link-local'],
    ['IPv4-mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]/x', 'private, loopback or link-local'],
    ['link-local (cloud metadata)', 'https://169.254.169.254/latest/meta-data', 'private, loopback or link-local'],
    ['localhost', 'https://localhost/x', 'private, loopback or link-local'],
    ['credentials in the URL', 'https://user:pw@fcm.googleapis.com/fcm/send/abc', 'user name or password'],
  ])('refuses %s with a 422 naming subscription.endpoint', async (_, endpoint, reason) => {
    const { keys } = service.subscribe('/s/never');
    const res = await app.anonymous.post('/api/v1/push/subscriptions', {
      subscription: { endpoint, keys },
      area: { commune: '14797' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      { field: 'subscription.endpoint', reason: expect.stringContaining(reason), reasonVi: expect.any(String) },
    ]);
    const stored = await app.db.query('SELECT 1 FROM push_subscriptions WHERE endpoint = $1', [endpoint]);
    expect(stored.rowCount).toBe(0);
  });

  it('the stand-in on 127.0.0.1 is accepted only through PUSH_SERVICE_ORIGINS', async () => {
    const subscription = service.subscribe('/s/configured');
    delete process.env.PUSH_SERVICE_ORIGINS;
    try {
      const refused = await app.anonymous.post('/api/v1/push/subscriptions', {
        subscription,
        area: { commune: '14797' },
      });
      expect(refused.status).toBe(422);
    } finally {
      process.env.PUSH_SERVICE_ORIGINS = service.url;
    }
    const accepted = await app.anonymous.post('/api/v1/push/subscriptions', {
      subscription,
      area: { commune: '14797' },
    });
    expect(accepted.status).toBe(201);
  });

  it('a stored endpoint no longer allowed is never called, and is dropped', async () => {
    await app.anonymous.post('/api/v1/push/subscriptions', {
      subscription: service.subscribe('/s/struck'),
      area: { commune: '14797' },
    });
    const alert = await admin.post('/api/v1/alerts', sampleAlert());
    await pushPending(app.db, await loadVapidKeys(app.db), { agent: service.agent, extraOrigins: [] });
    expect(service.deliveries.filter((d) => d.path === '/s/struck' && d.payload.alertId === alert.body.id)).toEqual([]);
    const left = await app.db.query('SELECT 1 FROM push_subscriptions WHERE endpoint = $1', [
      `${service.url}/s/struck`,
    ]);
    expect(left.rowCount).toBe(0);
  });

  it('tells a reporter who opted in when the report is triaged, after proving it with the tracking secret, linking to its tracking page', async () => {
    const created = await app.anonymous.post('/api/v1/reports', sampleReport);
    const { id, code, trackingSecret } = created.body as { id: string; code: string; trackingSecret: string };
    const sub = service.subscribe('/s/reporter');
    const optIn = (secret: string) =>
      app.anonymous.post('/api/v1/push/subscriptions', { subscription: sub, report: { code, secret } });
    // Only the tracking secret proves the reporter: a wrong one is the same 404 as no report.
    expect((await optIn('not-the-secret')).status).toBe(404);
    expect((await optIn(trackingSecret)).status).toBe(201);
    const vapid = await loadVapidKeys(app.db);
    await pushPending(app.db, vapid, { agent: service.agent });
    expect(service.deliveries.filter((d) => d.path === '/s/reporter')).toEqual([]);
    const dispatcher = await app.login('dispatcher');
    expect((await dispatcher.post(`/api/v1/reports/${id}/transitions`, { to: 'triaged' })).status).toBe(200);
    await pushPending(app.db, vapid, { agent: service.agent });
    await pushPending(app.db, vapid, { agent: service.agent });
    const told = service.deliveries.filter((d) => d.path === '/s/reporter');
    expect(told).toHaveLength(1);
    expect(told[0].payload).toMatchObject({ kind: 'report', status: 'triaged' });
    expect(String(told[0].payload.url)).toMatch(/^\/track\//);
  });
});
