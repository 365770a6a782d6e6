// Typed SQL for webhook endpoints and the delivery outbox (filled by the events trigger, 0081).
import type { Db, Tx } from '../db.ts';

export interface WebhookEndpointRow {
  id: string;
  url: string;
  agency_id: string | null;
  events: string[];
  active: boolean;
  created_at: Date;
}

const ENDPOINT_COLUMNS = 'id::text AS id, url, agency_id, events, active, created_at';

export async function insertWebhookEndpoint(
  db: Db | Tx,
  e: { url: string; agencyId: string | null; events: string[]; secret: string; createdBy: string | null },
): Promise<WebhookEndpointRow> {
  const { rows } = await db.query<WebhookEndpointRow>(
    `INSERT INTO webhook_endpoints (url, agency_id, events, secret, created_by) VALUES ($1, $2, $3, $4, $5)
     RETURNING ${ENDPOINT_COLUMNS}`,
    [e.url, e.agencyId, e.events, e.secret, e.createdBy],
  );
  return rows[0];
}

export async function listWebhookEndpoints(db: Db | Tx): Promise<WebhookEndpointRow[]> {
  const { rows } = await db.query<WebhookEndpointRow>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints ORDER BY webhook_endpoints.id`,
  );
  return rows;
}

export async function disableWebhookEndpoint(db: Db | Tx, id: string): Promise<WebhookEndpointRow | null> {
  const { rows } = await db.query<WebhookEndpointRow>(
    `UPDATE webhook_endpoints SET active = false WHERE id = $1 RETURNING ${ENDPOINT_COLUMNS}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findWebhookEndpoint(db: Db | Tx, id: string): Promise<WebhookEndpointRow | null> {
  const { rows } = await db.query<WebhookEndpointRow>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** One try at sending a delivery, as the admin reads it. */
export interface DeliveryAttempt {
  at: string;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
}

export interface WebhookDeliveryRow {
  id: string;
  endpoint_id: string;
  event_type: string;
  payload: object;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: Date;
  window_start: Date;
  last_status: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
  /** Newest first, at most ATTEMPTS_SHOWN. */
  attempt_log: DeliveryAttempt[];
}

/** A delivery retried for 24 hours makes about 30 attempts: the admin sees the latest ones. */
export const ATTEMPTS_SHOWN = 20;

const DELIVERY_COLUMNS = `id::text AS id, endpoint_id::text AS endpoint_id, event_type, payload, status, attempts,
  next_attempt_at, window_start, last_status, last_error, delivered_at, created_at,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('at', a.at, 'httpStatus', a.http_status, 'error', a.error,
                                                'durationMs', a.duration_ms) ORDER BY a.id DESC), '[]')
     FROM (SELECT * FROM webhook_delivery_attempts w WHERE w.delivery_id = webhook_deliveries.id
            ORDER BY w.id DESC LIMIT ${ATTEMPTS_SHOWN}) a) AS attempt_log`;

export async function listWebhookDeliveries(
  db: Db | Tx,
  endpointId: string,
  limit: number,
): Promise<WebhookDeliveryRow[]> {
  const { rows } = await db.query<WebhookDeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE webhook_deliveries.endpoint_id = $1 ORDER BY webhook_deliveries.id DESC LIMIT $2`,
    [endpointId, limit],
  );
  return rows;
}

/** Sends it again now, with a fresh 24-hour window of retries. */
export async function replayWebhookDelivery(db: Db | Tx, id: string): Promise<WebhookDeliveryRow | null> {
  const { rows } = await db.query<WebhookDeliveryRow>(
    `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = now(), window_start = now(), attempts = 0
      WHERE id = $1 RETURNING ${DELIVERY_COLUMNS}`,
    [id],
  );
  return rows[0] ?? null;
}

export interface DueDeliveryRow {
  id: string;
  url: string;
  secret: string;
  event_type: string;
  payload: object;
  attempts: number;
  window_start: Date;
}

/**
 * Claims due deliveries by pushing their next attempt past a lease: a second server (or a crash mid-send)
 * sees them again only after the lease, so one delivery is in flight once at a time.
 */
export async function claimDueDeliveries(db: Db | Tx, limit: number, leaseMs: number): Promise<DueDeliveryRow[]> {
  const { rows } = await db.query<DueDeliveryRow>(
    `UPDATE webhook_deliveries d SET next_attempt_at = now() + $2 * interval '1 millisecond'
       FROM webhook_endpoints w
      WHERE d.id IN (SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= now()
                      ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED)
        AND w.id = d.endpoint_id
     RETURNING d.id::text AS id, w.url, w.secret, d.event_type, d.payload, d.attempts, d.window_start`,
    [limit, leaseMs],
  );
  return rows;
}

export async function findWebhookDelivery(db: Db | Tx, id: string): Promise<WebhookDeliveryRow | null> {
  const { rows } = await db.query<WebhookDeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** The outcome and its line in the attempt log, in one statement. */
export async function recordDeliveryAttempt(
  db: Db | Tx,
  id: string,
  outcome: { ok: boolean; status: number | null; error: string | null; retryAt: Date | null; durationMs: number },
): Promise<void> {
  await db.query(
    `WITH log AS (INSERT INTO webhook_delivery_attempts (delivery_id, http_status, error, duration_ms)
                  VALUES ($1, $2, $3, $6))
     UPDATE webhook_deliveries SET attempts = attempts + 1, last_status = $2, last_error = $3,
            status = CASE WHEN $4 THEN 'delivered' WHEN $5::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
            delivered_at = CASE WHEN $4 THEN now() ELSE delivered_at END,
            next_attempt_at = coalesce($5, next_attempt_at)
      WHERE id = $1`,
    [id, outcome.status, outcome.error, outcome.ok, outcome.retryAt, Math.round(outcome.durationMs)],
  );
}
