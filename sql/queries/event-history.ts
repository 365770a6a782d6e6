// The event log read by time, for replay: one page of events written in [from, to), in id order after a cursor id.
import type { Db } from '../db.ts';

export interface HistoryEvent {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

export async function eventsBetween(
  db: Db,
  q: { from: Date; to: Date; afterId: string; kinds: readonly string[]; limit: number },
): Promise<HistoryEvent[]> {
  const { rows } = await db.query<HistoryEvent>(
    `SELECT id::text, kind, payload, created_at FROM events
      WHERE created_at >= $1 AND created_at < $2 AND id > $3 AND kind = ANY($4::text[])
      ORDER BY id LIMIT $5`,
    [q.from, q.to, q.afterId, q.kinds, q.limit],
  );
  return rows;
}
