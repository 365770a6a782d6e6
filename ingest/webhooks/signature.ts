// Signatures as Stripe and GitHub do them: HMAC-SHA256 over "<unix seconds>.<body>", sent with the timestamp
// so a receiver can refuse a replayed old delivery.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hientruong-signature';

export function signatureHeader(secret: string, body: string, atSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${atSeconds}.${body}`).digest('hex');
  return `t=${atSeconds},v1=${mac}`;
}

/** What a receiver runs: the signature matches and is at most `toleranceSeconds` old. */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v1) return false;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Exponential back-off: base, 2x base, 4x base … capped, until 24 hours after the window started. */
export function nextAttemptAt(
  attemptsSoFar: number,
  windowStart: Date,
  now: Date,
  baseMs: number,
  capMs = 3_600_000,
  windowMs = 24 * 3_600_000,
): Date | null {
  const at = new Date(now.getTime() + Math.min(baseMs * 2 ** attemptsSoFar, capMs));
  return at.getTime() - windowStart.getTime() > windowMs ? null : at;
}
