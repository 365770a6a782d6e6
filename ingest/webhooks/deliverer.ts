// Sends the webhook outbox: claims due deliveries, POSTs each signed, and records the outcome with back-off.
import type { Db } from '../../sql/db.ts';
import { claimDueDeliveries, recordDeliveryAttempt, type DueDeliveryRow } from '../../sql/queries/webhooks.ts';
import { nextAttemptAt, SIGNATURE_HEADER, signatureHeader } from './signature.ts';

export interface WebhookDelivererOptions {
  /** How often the outbox is polled. */
  intervalMs?: number;
  /** The first retry waits this long, each next one twice as long (capped at an hour), for 24 hours. */
  baseBackoffMs?: number;
  timeoutMs?: number;
  onError?: (e: unknown) => void;
}

export interface WebhookDeliverer {
  /** One pass over what is due; resolves with the number of attempts made. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

async function send(d: DueDeliveryRow, timeoutMs: number) {
  const body = JSON.stringify(d.payload);
  try {
    const res = await fetch(d.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'HienTruong-Webhooks/1',
        [SIGNATURE_HEADER]: signatureHeader(d.secret, body, Math.floor(Date.now() / 1000)),
        'x-hientruong-event': d.event_type,
        'x-hientruong-delivery': d.id,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel();
    return { ok: res.status >= 200 && res.status < 300, status: res.status, error: null };
  } catch (e) {
    return { ok: false, status: null, error: (e as Error).message.slice(0, 500) };
  }
}

export function startWebhookDeliverer(db: Db, opts: WebhookDelivererOptions = {}): WebhookDeliverer {
  const { intervalMs = 1000, baseBackoffMs = 30_000, timeoutMs = 10_000, onError = () => {} } = opts;
  let running: Promise<number> | null = null;
  let stopped = false;
  const runOnce = async (): Promise<number> => {
    const due = await claimDueDeliveries(db, 20, timeoutMs * 2);
    await Promise.all(
      due.map(async (d) => {
        const started = performance.now();
        const outcome = await send(d, timeoutMs);
        const durationMs = performance.now() - started;
        const retryAt = outcome.ok ? null : nextAttemptAt(d.attempts, d.window_start, new Date(), baseBackoffMs);
        await recordDeliveryAttempt(db, d.id, { ...outcome, retryAt, durationMs });
      }),
    );
    return due.length;
  };
  const timer = setInterval(() => {
    if (running || stopped) return;
    running = runOnce()
      .catch((e) => {
        onError(e);
        return 0;
      })
      .finally(() => (running = null));
  }, intervalMs);
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
