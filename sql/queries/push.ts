// Push subscriptions, the push sender's claims and the reach audit: plain SQL.
import type { Db, Tx } from '../db.ts';
import type { AlertRow } from './alerts.ts';

export interface PushSubscriptionRow {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  kind: 'area' | 'report';
  area_code: string | null;
  report_id: string | null;
  last_status: string | null;
}

export interface NewPushSubscription {
  endpoint: string;
  p256dh: string;
  auth: string;
  kind: 'area' | 'report';
  areaCode: string | null;
  lat: number | null;
  lng: number | null;
  radiusM: number | null;
  cells7: string[];
  reportId: string | null;
  lastStatus: string | null;
}

const COLS = 'id::text, endpoint, p256dh, auth, kind, area_code, report_id::text, last_status';

/** One subscription per endpoint: subscribing again replaces what it follows. */
export async function upsertPushSubscription(db: Db, s: NewPushSubscription): Promise<PushSubscriptionRow> {
  const { rows } = await db.query<PushSubscriptionRow>(
    `INSERT INTO push_subscriptions (endpoint, p256dh, auth, kind, area_code, lat, lng, radius_m, cells7, report_id, last_status)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
     ON CONFLICT (endpoint) DO UPDATE SET p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, kind = EXCLUDED.kind,
       area_code = EXCLUDED.area_code, lat = EXCLUDED.lat, lng = EXCLUDED.lng, radius_m = EXCLUDED.radius_m,
       cells7 = EXCLUDED.cells7, report_id = EXCLUDED.report_id, last_status = EXCLUDED.last_status
     RETURNING ${COLS}`,
    [s.endpoint, s.p256dh, s.auth, s.kind, s.areaCode, s.lat, s.lng, s.radiusM, s.cells7, s.reportId, s.lastStatus],
  );
  return rows[0];
}

export async function deletePushSubscription(db: Db, endpoint: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM push_subscriptions WHERE endpoint = $1', [endpoint]);
  return (rowCount ?? 0) > 0;
}

export async function deletePushSubscriptionById(db: Db, id: string): Promise<void> {
  await db.query('DELETE FROM push_subscriptions WHERE id = $1', [id]);
}

/** Sent alerts no push run has claimed yet, claimed now (another server's run skips them). */
export async function claimAlertsForPush(tx: Tx): Promise<AlertRow[]> {
  const { rows } = await tx.query<AlertRow>(
    `UPDATE alerts SET push_claimed_at = now() WHERE id IN (
       SELECT id FROM alerts WHERE push_claimed_at IS NULL AND state = 'published' AND sent_at IS NOT NULL
        ORDER BY sent_at LIMIT 20 FOR UPDATE SKIP LOCKED)
     RETURNING id::text, msg_type, title, title_en, body, category, severity, area_desc, cells, expires`,
  );
  return rows;
}

/** Area subscriptions whose res-7 cover meets these cells. */
export async function areaSubscribersFor(db: Db, cells7: string[]): Promise<PushSubscriptionRow[]> {
  const { rows } = await db.query<PushSubscriptionRow>(
    `SELECT ${COLS} FROM push_subscriptions WHERE kind = 'area' AND cells7 && $1::text[]`,
    [cells7],
  );
  return rows;
}

/** Report subscriptions whose report reached a status the reporter has not been told, with its latest public reply. */
export async function reportSubscriptionsDue(
  db: Db,
  statuses: string[],
): Promise<(PushSubscriptionRow & { status: string; code: string; public_reply: string | null })[]> {
  const { rows } = await db.query<PushSubscriptionRow & { status: string; code: string; public_reply: string | null }>(
    `SELECT s.id::text, s.endpoint, s.p256dh, s.auth, s.kind, s.area_code, s.report_id::text, s.last_status,
            r.status, r.tracking_code AS code,
            (SELECT t.public_reply FROM report_timeline t WHERE t.report_id = r.id AND t.public_reply IS NOT NULL
              ORDER BY t.id DESC LIMIT 1) AS public_reply
       FROM push_subscriptions s JOIN reports r ON r.id = s.report_id
      WHERE s.kind = 'report' AND r.status IS DISTINCT FROM s.last_status AND r.status = ANY($1::text[])
      LIMIT 200`,
    [statuses],
  );
  return rows;
}

export async function setLastStatus(db: Db, id: string, status: string): Promise<void> {
  await db.query('UPDATE push_subscriptions SET last_status = $2 WHERE id = $1', [id, status]);
}

/** What one channel reached in one commune (push) or cell (screens): written per send, read summed. */
export interface ReachCount {
  channel: 'screen' | 'push';
  areaCode: string | null;
  cell: string | null;
  sent: number;
  delivered: number;
  failed: number;
}

interface ReachRow {
  channel: 'screen' | 'push';
  area_code: string | null;
  cell: string | null;
  sent: number;
  delivered: number;
  failed: number;
}

export async function recordReach(db: Db, alertId: string, rows: ReachCount[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(
    `INSERT INTO alert_reach (alert_id, channel, area_code, cell, sent, delivered, failed)
     SELECT $1, c, a, ce, s, d, f FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[])
       AS t(c, a, ce, s, d, f)`,
    [
      alertId,
      rows.map((r) => r.channel),
      rows.map((r) => r.areaCode),
      rows.map((r) => r.cell),
      rows.map((r) => r.sent),
      rows.map((r) => r.delivered),
      rows.map((r) => r.failed),
    ],
  );
}

export async function readReach(db: Db, alertId: string): Promise<ReachCount[]> {
  const { rows } = await db.query<ReachRow>(
    `SELECT channel, area_code, cell, sum(sent)::int AS sent, sum(delivered)::int AS delivered,
            sum(failed)::int AS failed
       FROM alert_reach WHERE alert_id = $1 GROUP BY channel, area_code, cell ORDER BY channel, area_code, cell`,
    [alertId],
  );
  return rows.map((r) => ({
    channel: r.channel,
    areaCode: r.area_code,
    cell: r.cell,
    sent: r.sent,
    delivered: r.delivered,
    failed: r.failed,
  }));
}

/** A setting written once: the first writer wins, every server reads the same value after. */
export async function settingOnce(db: Db, key: string, value: string): Promise<string> {
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [key, value]);
  const { rows } = await db.query<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]);
  return rows[0].value;
}
