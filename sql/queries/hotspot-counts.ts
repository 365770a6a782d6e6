// Report counts per (cell at res, category, time bin) over a window: the space–time cube hot spots are computed on.
import { bigintToCell } from '../../geo/h3.ts';
import { DISCARDED_STATUSES } from '../../domain/report-status.ts';
import type { Db } from '../db.ts';

export interface CubeQuery {
  res: number;
  /** Window end (exclusive); bins run back from it. */
  end: Date;
  bins: number;
  binSeconds: number;
  category?: string | null;
}

export interface CubeRow {
  cell: string;
  category: string;
  /** 0 = oldest bin. */
  bin: number;
  n: number;
}

/** Rejected and merged reports are not counted: spam and duplicates would make a hot spot of themselves. */
export async function reportCube(db: Db, q: CubeQuery): Promise<CubeRow[]> {
  const start = new Date(q.end.getTime() - q.bins * q.binSeconds * 1000);
  const { rows } = await db.query<{ cell: string; category: string; bin: number; n: number }>(
    `SELECT h3_parent(h3_cell, $1)::text AS cell, category,
            floor(extract(epoch FROM created_at - $2::timestamptz) / $3)::int AS bin, count(*)::int AS n
       FROM reports
      WHERE created_at >= $2 AND created_at < $4 AND status <> ALL($6::text[])
        AND ($5::text IS NULL OR category = $5)
      GROUP BY 1, 2, 3`,
    [q.res, start, q.binSeconds, q.end, q.category ?? null, DISCARDED_STATUSES],
  );
  return rows.map((r) => ({ cell: bigintToCell(r.cell), category: r.category, bin: r.bin, n: r.n }));
}

/** The newest event id: the monitor's cheap "anything changed?" probe. */
export async function newestEventId(db: Db): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM events');
  return rows[0].id;
}

/** Hotspot events of the last `hours`, so a restarted monitor does not announce the same hot spots again. */
export async function recentHotspotPayloads(db: Db, kind: string, hours: number): Promise<Record<string, unknown>[]> {
  const { rows } = await db.query<{ payload: Record<string, unknown> }>(
    `SELECT payload FROM events WHERE kind = $1 AND created_at > now() - make_interval(hours => $2) ORDER BY id`,
    [kind, hours],
  );
  return rows.map((r) => r.payload);
}
