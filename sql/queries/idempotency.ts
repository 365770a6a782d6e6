// Idempotency-Key records: one per acknowledged submission that carried a key.
import type { Db, Tx } from '../db.ts';

export interface IdempotencyRow {
  body_hash: Buffer;
  report_id: string;
  sealed_answer: Buffer;
}

export async function findIdempotencyKey(db: Db, keyHash: Buffer): Promise<IdempotencyRow | null> {
  const { rows } = await db.query<IdempotencyRow>(
    'SELECT body_hash, report_id::text AS report_id, sealed_answer FROM idempotency_keys WHERE key_hash = $1',
    [keyHash],
  );
  return rows[0] ?? null;
}

export interface NewIdempotencyKey {
  keyHash: Buffer;
  bodyHash: Buffer;
  reportId: string;
  sealedAnswer: Buffer;
}

/** In the report's own transaction: the key exists exactly when the report does. */
export async function insertIdempotencyKeys(tx: Tx, keys: NewIdempotencyKey[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `INSERT INTO idempotency_keys (key_hash, body_hash, report_id, sealed_answer)
     SELECT decode(k, 'hex'), decode(b, 'hex'), r, decode(s, 'hex') FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) AS t(k, b, r, s)`,
    [
      keys.map((k) => k.keyHash.toString('hex')),
      keys.map((k) => k.bodyHash.toString('hex')),
      keys.map((k) => k.reportId),
      keys.map((k) => k.sealedAnswer.toString('hex')),
    ],
  );
}

/** The unique violation another process's commit of the same key raises. */
export const isIdempotencyKeyTaken = (error: unknown): boolean =>
  (error as { code?: string; constraint?: string })?.code === '23505' &&
  (error as { constraint?: string }).constraint === 'idempotency_keys_pkey';

/** Drops records created before `before`: a retry after that makes a new report. Returns how many went. */
export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM idempotency_keys WHERE created_at < $1', [before]);
  return rowCount ?? 0;
}
