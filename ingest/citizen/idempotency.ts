// Idempotency-Key on submissions: a retry (flaky network, an offline queue flushing twice) gets the first
// answer back, never a second report. Same-process retries wait for the first; other processes meet the
// key's primary key in the database, committed in the same transaction as the report.
import type { Context } from 'koa';
import type { Db } from '../../sql/db.ts';
import { findIdempotencyKey, isIdempotencyKeyTaken } from '../../sql/queries/idempotency.ts';
import { errors } from '../../domain/errors.ts';
import { idempotencyKeyHash, openAnswer, sealAnswer } from './secrets.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const KEY_SHAPE = /^[\x21-\x7e]{8,200}$/;

/** The key the client sent, or null; a malformed one is refused before anything is read or written. */
export function idempotencyKeyOf(ctx: Context): string | null {
  const key = ctx.get(IDEMPOTENCY_HEADER);
  if (!key) return null;
  if (!KEY_SHAPE.test(key)) throw errors.idempotencyKey(IDEMPOTENCY_HEADER);
  return key;
}

/** What the command stores beside the report: the hashed key, the body's hash and the sealed answer. */
export interface IdempotencyClaim {
  keyHash: Buffer;
  bodyHash: Buffer;
  seal(answer: unknown): Buffer;
}

const conflict = () => errors.idempotencyConflict(IDEMPOTENCY_HEADER);

/**
 * Runs `create` once per key: returns its answer, or the answer stored for the key (replayed: true).
 * Without a key it simply runs `create`.
 */
export async function idempotently<T>(
  db: Db,
  /** Submissions of this process in flight, by key hash: the app's own (IngestDeps.submissionsInFlight). */
  flights: Map<string, Promise<void>>,
  key: string | null,
  /** The submission's hash, worked out only when there is a key to hold it against. */
  hashBody: () => Buffer,
  create: (claim: IdempotencyClaim | null) => Promise<T>,
): Promise<{ answer: T; replayed: boolean }> {
  if (key === null) return { answer: await create(null), replayed: false };
  const bodyHash = hashBody();
  const keyHash = idempotencyKeyHash(key);
  const id = keyHash.toString('hex');
  const replay = async () => {
    const stored = await findIdempotencyKey(db, keyHash);
    if (!stored) return null;
    if (!stored.body_hash.equals(bodyHash)) throw conflict();
    return { answer: openAnswer(key, stored.sealed_answer) as T, replayed: true };
  };
  // Waiting for a sibling is not a failed turn; only losing the key to another process is.
  for (let lost = 0; lost < 3;) {
    const pending = flights.get(id);
    if (pending) {
      await pending;
      const replayed = await replay();
      if (replayed) return replayed;
      continue; // the sibling failed (bad photo, lost database): this one may try
    }
    let done!: () => void;
    flights.set(id, new Promise<void>((resolve) => (done = resolve)));
    try {
      const replayed = await replay();
      if (replayed) return replayed;
      return {
        answer: await create({ keyHash, bodyHash, seal: (answer) => sealAnswer(key, answer) }),
        replayed: false,
      };
    } catch (error) {
      // Another process committed the same key first: read its answer on the next turn.
      if (!isIdempotencyKeyTaken(error)) throw error;
      lost++;
    } finally {
      flights.delete(id);
      done();
    }
  }
  throw errors.idempotencyBusy();
}
