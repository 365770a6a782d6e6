// Webhooks against a local receiver that fails the first attempts: outbox atomicity, signature, back-off, replay.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { startDispatchApp, type DispatchApp } from '../test-support/dispatch-app.ts';
import { withTransaction } from '../../sql/db.ts';
import { appendEvents } from '../../sql/queries/events.ts';
import { startWebhookDeliverer, type WebhookDeliverer } from './deliverer.ts';
import { nextAttemptAt, SIGNATURE_HEADER, verifySignature } from './signature.ts';

interface Received {
  body: string;
  signature: string;
  event: string;
}

/** Answers 500 to the first `failFirst` requests, then 200; `alwaysFail` keeps failing. */
function receiver(failFirst: number) {
  const received: Received[] = [];
  let calls = 0;
  const state = { alwaysFail: false };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      calls++;
      received.push({
        body,
        signature: String(req.headers[SIGNATURE_HEADER]),
        event: String(req.headers['x-hientruong-event']),
      });
      res.writeHead(state.alwaysFail || calls <= failFirst ? 500 : 200).end();
    });
  });
  return { server, received, state, calls: () => calls };
}

const until = async (check: () => Promise<boolean>, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('webhooks', () => {
  let app: DispatchApp;
  let admin: Awaited<ReturnType<DispatchApp['login']>>;
  let deliverer: WebhookDeliverer;
  const rx = receiver(2);
  let endpoint: { id: string; secret: string };
  const deliveries = async () =>
    (await admin.get(`/api/v1/webhooks/${endpoint.id}/deliveries`)).body.deliveries as {
      id: string;
      event: string;
      status: string;
      attempts: number;
      payload: { data: { code: string; status: string } };
      attemptLog: { at: string; httpStatus: number | null; error: string | null; durationMs: number }[];
    }[];

  beforeAll(async () => {
    app = await startDispatchApp();
    admin = await app.login('admin');
    await new Promise<void>((done) => rx.server.listen(0, '127.0.0.1', done));
    const url = `http://127.0.0.1:${(rx.server.address() as { port: number }).port}/hook`;
    const res = await admin.post('/api/v1/webhooks', {
      url,
      events: ['report.created', 'report.status_changed', 'report.resolved'],
    });
    expect(res.status).toBe(201);
    endpoint = res.body;
    deliverer = startWebhookDeliverer(app.db, { intervalMs: 30, baseBackoffMs: 40, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await deliverer?.stop();
    await new Promise<void>((done) => rx.server.close(() => done()));
    await app?.close();
  });

  it('only https endpoints, and only administrators register them', async () => {
    const http = await admin.post('/api/v1/webhooks', { url: 'http://example.vn/hook', events: ['report.created'] });
    expect(http.status).toBe(422);
    expect(http.body.error.fields[0].field).toBe('url');
    const bad = await admin.post('/api/v1/webhooks', { url: 'https://example.vn/hook', events: ['report.deleted'] });
    expect(bad.status).toBe(422);
    const dispatcher = await app.login('dispatcher');
    expect((await dispatcher.get('/api/v1/webhooks')).status).toBe(403);
    // A supervisor reads endpoints and deliveries, and changes nothing.
    const supervisor = await app.login('supervisor');
    expect((await supervisor.get('/api/v1/webhooks')).status).toBe(200);
    expect((await supervisor.get(`/api/v1/webhooks/${endpoint.id}/deliveries`)).status).toBe(200);
    expect((await supervisor.post(`/api/v1/webhooks/${endpoint.id}/disable`, {})).status).toBe(403);
    expect((await app.anonymous.get('/api/v1/webhooks')).status).toBe(401);
  });

  it('a new report is delivered, signed, after the receiver failed twice (exponential back-off)', async () => {
    const id = await app.createReport();
    const { rows } = await app.db.query<{ code: string }>('SELECT tracking_code AS code FROM reports WHERE id = $1', [
      id,
    ]);
    await until(async () => (await deliveries()).some((d) => d.status === 'delivered'));
    const [created] = await deliveries();
    expect(created).toMatchObject({ event: 'report.created', status: 'delivered', attempts: 3 });
    // Every attempt is logged, newest first, with the receiver's answer.
    expect(created.attemptLog.map((a) => a.httpStatus)).toEqual([200, 500, 500]);
    expect(created.attemptLog.every((a) => a.durationMs >= 0 && a.error === null)).toBe(true);
    expect(new Date(created.attemptLog[0].at) >= new Date(created.attemptLog[2].at)).toBe(true);
    expect(created.payload.data.code).toBe(rows[0].code);
    expect(rx.received).toHaveLength(3);
    const last = rx.received[2];
    expect(last.event).toBe('report.created');
    expect(JSON.parse(last.body)).toEqual(created.payload);
    const now = Math.floor(Date.now() / 1000);
    expect(verifySignature(endpoint.secret, last.body, last.signature, now)).toBe(true);
    expect(verifySignature(endpoint.secret, last.body + ' ', last.signature, now)).toBe(false);
    expect(verifySignature('whsec_other', last.body, last.signature, now)).toBe(false);
    expect(verifySignature(endpoint.secret, last.body, last.signature, now + 3600)).toBe(false);
  });

  it('status changes and the resolution are delivered as their own events', async () => {
    const id = await app.createReport();
    const dispatcher = await app.login('dispatcher');
    for (const step of [{ to: 'assigned' }, { to: 'in_progress' }, { to: 'resolved', publicReply: 'Đã xử lý' }])
      expect((await dispatcher.post(`/api/v1/reports/${id}/transitions`, step)).status).toBe(200);
    await until(async () => (await deliveries()).filter((d) => d.status === 'delivered').length >= 6);
    const events = (await deliveries()).map((d) => `${d.event}:${d.payload.data.status}`);
    expect(events).toEqual(
      expect.arrayContaining([
        'report.status_changed:assigned',
        'report.status_changed:in_progress',
        'report.status_changed:resolved',
        'report.resolved:resolved',
      ]),
    );
  });

  it('no delivery for a change that rolled back', async () => {
    const before = (await deliveries()).length;
    await expect(
      withTransaction(app.db, async (tx) => {
        await appendEvents(tx, [
          {
            reportId: null,
            kind: 'report.created',
            payload: {
              reportId: '1',
              code: 'TH-ROLLED-BACK',
              category: 'road',
              sensitive: false,
              status: 'received',
              version: 1,
              cell: '8c41414a82a21ff',
              areaCode: null,
              agencyId: null,
              at: new Date().toISOString(),
            },
          },
        ]);
        const { rows } = await tx.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM webhook_deliveries WHERE payload->'data'->>'code' = 'TH-ROLLED-BACK'",
        );
        expect(rows[0].n).toBe(1); // written in the event's own transaction…
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const { rows } = await app.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM webhook_deliveries WHERE payload->'data'->>'code' = 'TH-ROLLED-BACK'",
    );
    expect(rows[0].n).toBe(0); // …and gone with it
    await new Promise((r) => setTimeout(r, 200));
    expect((await deliveries()).length).toBe(before);
    expect(rx.received.some((r) => r.body.includes('TH-ROLLED-BACK'))).toBe(false);
  });

  it('gives up 24 hours after the event, and a replay sends it again', async () => {
    rx.state.alwaysFail = true;
    const id = await app.createReport();
    await until(async () => (await deliveries()).some((d) => d.status === 'pending' && d.attempts >= 1));
    // Pretend the event is a day old: the next failure is the last.
    await app.db.query("UPDATE webhook_deliveries SET window_start = now() - interval '24 hours'");
    await until(async () => (await deliveries()).some((d) => d.status === 'failed'));
    const failed = (await deliveries()).find((d) => d.status === 'failed')!;
    expect(
      (
        await app.db.query(
          'SELECT report_id FROM events WHERE id = (SELECT event_id FROM webhook_deliveries WHERE id = $1)',
          [failed.id],
        )
      ).rows[0].report_id,
    ).toBe(id);
    rx.state.alwaysFail = false;
    const replayed = await admin.post(`/api/v1/webhooks/deliveries/${failed.id}/replay`, {});
    expect(replayed.body).toMatchObject({ status: 'pending', attempts: 0 });
    await until(async () => (await deliveries()).find((d) => d.id === failed.id)?.status === 'delivered');
    // The log keeps the failed attempts before the replay; the replay itself is in the audit trail.
    const log = (await deliveries()).find((d) => d.id === failed.id)!.attemptLog;
    expect(log[0].httpStatus).toBe(200);
    expect(log.slice(1).every((a) => a.httpStatus === 500)).toBe(true);
    const audit = await app.db.query(
      "SELECT action, actor_name, before->>'status' AS before FROM admin_audit WHERE entity = 'webhook_delivery' AND entity_id = $1",
      [failed.id],
    );
    expect(audit.rows).toEqual([{ action: 'replay', actor_name: expect.any(String), before: 'failed' }]);
  });

  it('back-off doubles from the base, is capped, and stops after 24 hours', () => {
    const start = new Date('2026-12-05T00:00:00Z');
    const at = (n: number, now = start) => nextAttemptAt(n, start, now, 30_000)?.getTime();
    expect(at(0)).toBe(start.getTime() + 30_000);
    expect(at(3)).toBe(start.getTime() + 240_000);
    expect(at(20)).toBe(start.getTime() + 3_600_000);
    expect(at(20, new Date(start.getTime() + 23.5 * 3_600_000))).toBeUndefined();
  });
});
