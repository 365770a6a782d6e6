// The event log read by time, for replay: one page of events written in [from, to), in id order after a cursor id.
import type { Db } from '../db.ts';

export interface HistoryEventRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

export async function eventsBetween(
  db: Db,
  q: { from: Date; to: Date; afterId: string; kinds: readonly string[]; limit: number },
): Promise<HistoryEventRow[]> {
  const { rows } = await db.query<HistoryEventRow>(
    // ORDER BY events.id, the bigint: a bare `id` would be the text output column, whose order ('10' < '9') does
    // not follow the numeric cursor, so pages would skip and repeat events once ids gain a digit.
    `SELECT id::text, kind, payload, created_at FROM events
      WHERE created_at >= $1 AND created_at < $2 AND id > $3 AND kind = ANY($4::text[])
      ORDER BY events.id LIMIT $5`,
    [q.from, q.to, q.afterId, q.kinds, q.limit],
  );
  return rows;
}

export interface ReportStateRow {
  report_id: string;
  payload: Record<string, unknown>;
  made_at: Date;
  /** When the report first left 'received' (the timeline's first triage), if before `at`. */
  acted_at: Date | null;
}

/**
 * Each report's newest logged state before `at` (the highest version, then the newest event), with when it was
 * made and first acted on: where a replay of a period starts. Paged by report id.
 */
export async function reportStatesAt(
  db: Db,
  q: { at: Date; afterId: string; limit: number },
): Promise<ReportStateRow[]> {
  const { rows } = await db.query<ReportStateRow>(
    `SELECT s.*, (SELECT min(t.at) FROM report_timeline t
                   WHERE t.report_id = s.report_id::bigint AND t.from_status = 'received' AND t.to_status <> 'received'
                     AND t.at < $1) AS acted_at
       FROM (SELECT DISTINCT ON (e.report_id) e.report_id::text, e.payload, r.created_at AS made_at
               FROM events e JOIN reports r ON r.id = e.report_id
              WHERE e.kind IN ('report.created', 'report.updated') AND e.created_at < $1 AND e.report_id > $2
              ORDER BY e.report_id, (e.payload->>'version')::int DESC, e.id DESC
              LIMIT $3) s
      ORDER BY s.report_id::bigint`,
    [q.at, q.afterId, q.limit],
  );
  return rows;
}

/** Each field unit's newest logged state before `at`. */
export async function unitStatesAt(
  db: Db,
  at: Date,
): Promise<{ payload: Record<string, unknown>; created_at: Date }[]> {
  const { rows } = await db.query<{ payload: Record<string, unknown>; created_at: Date }>(
    `SELECT DISTINCT ON (payload->>'unitId') payload, created_at FROM events
      WHERE kind = 'unit.updated' AND created_at < $1
      ORDER BY payload->>'unitId', (payload->>'version')::int DESC, id DESC`,
    [at],
  );
  return rows;
}
