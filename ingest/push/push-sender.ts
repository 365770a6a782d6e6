// Sends Web Push: each alert once to the subscriptions whose area meets it, and each followed report's
// status change (triaged, assigned, resolved) to its reporter. A 404/410 from the push service means the
// browser dropped the subscription: it is deleted. Outcomes per commune go to the reach audit.
import type { Agent } from 'node:https';
import webpush from 'web-push';
import { coverAt } from '../../geo/alert-area.ts';
import { withTransaction, type Db } from '../../sql/db.ts';
import {
  areaSubscribersFor,
  claimAlertsForPush,
  deletePushSubscriptionById,
  recordReach,
  reportSubscriptionsDue,
  setLastStatus,
  type PushSubscriptionRow,
  type ReachCount,
} from '../../sql/queries/push.ts';
import type { VapidKeys } from './vapid.ts';
import { extraPushOrigins, pushEndpointProblem } from './endpoint-allowlist.ts';
import { alertPushPayload, reportPushPayload } from '../presenters/push-payload.ts';
import { startRepeatingJob } from '../repeating-job.ts';

export const REPORT_PUSH_STATUSES = ['triaged', 'assigned', 'resolved'];

type Outcome = 'delivered' | 'failed' | 'gone';

export interface PushOptions {
  /** The HTTPS agent for push services (tests trust their stand-in's certificate with it). */
  agent?: Agent;
  /** Push services allowed besides the known ones (default: PUSH_SERVICE_ORIGINS). */
  extraOrigins?: readonly string[];
}

async function push(
  vapid: VapidKeys,
  s: PushSubscriptionRow,
  payload: object,
  ttl: number,
  opts: PushOptions,
): Promise<Outcome> {
  // Stored before the allowlist, or its service since struck from PUSH_SERVICE_ORIGINS: never called, dropped.
  if (pushEndpointProblem(s.endpoint, opts.extraOrigins ?? extraPushOrigins())) return 'gone';
  try {
    const res = await webpush.sendNotification(
      { endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
      JSON.stringify(payload),
      { vapidDetails: vapid, TTL: ttl, timeout: 10_000, agent: opts.agent },
    );
    return res.statusCode >= 200 && res.statusCode < 300 ? 'delivered' : 'failed';
  } catch (e) {
    const status = (e as { statusCode?: number }).statusCode;
    return status === 404 || status === 410 ? 'gone' : 'failed';
  }
}

/** One pass: every alert not yet pushed, then every report status not yet told. */
export async function pushPending(
  db: Db,
  vapid: VapidKeys,
  opts: PushOptions = {},
): Promise<{ alerts: number; reports: number }> {
  opts = { ...opts, extraOrigins: opts.extraOrigins ?? extraPushOrigins() };
  const alerts = await withTransaction(db, (tx) => claimAlertsForPush(tx));
  for (const a of alerts) {
    if (a.msg_type === 'Cancel') continue;
    const subs = await areaSubscribersFor(db, [...coverAt(a.cells, 7)]);
    const ttl = Math.max(60, Math.floor((a.expires.getTime() - Date.now()) / 1000));
    const payload = alertPushPayload(a);
    const byArea = new Map<string | null, ReachCount>();
    await Promise.all(
      subs.map(async (s) => {
        const outcome = await push(vapid, s, payload, ttl, opts);
        if (outcome === 'gone') await deletePushSubscriptionById(db, s.id);
        const row = byArea.get(s.area_code) ?? {
          channel: 'push',
          areaCode: s.area_code,
          cell: null,
          sent: 0,
          delivered: 0,
          failed: 0,
        };
        row.sent++;
        if (outcome === 'delivered') row.delivered++;
        else row.failed++;
        byArea.set(s.area_code, row);
      }),
    );
    await recordReach(db, a.id, [...byArea.values()]);
  }
  const due = await reportSubscriptionsDue(db, REPORT_PUSH_STATUSES);
  for (const s of due) {
    // Told before the send, so a slow push service never gets the same status twice.
    await setLastStatus(db, s.id, s.status);
    const outcome = await push(vapid, s, reportPushPayload(s), 24 * 3600, opts);
    if (outcome === 'gone') await deletePushSubscriptionById(db, s.id);
  }
  return { alerts: alerts.length, reports: due.length };
}

export function startPushSender(
  db: Db,
  vapid: VapidKeys,
  opts: { intervalMs?: number; onError?: (e: unknown) => void } = {},
) {
  return startRepeatingJob(() => pushPending(db, vapid), opts.intervalMs ?? 1000, opts.onError);
}
