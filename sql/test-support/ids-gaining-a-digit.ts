// Moves a table's id sequence just below a power of ten, so the next rows' ids gain a digit ('1000' < '997' as text).
import type { Db } from '../db.ts';

/** The next ids of `table` will be 10^k - 3, 10^k - 2, 10^k - 1, 10^k, ... with 10^k above every id it holds. */
export async function idsAboutToGainADigit(db: Db, table: string): Promise<void> {
  const { rows } = await db.query<{ max: string }>(`SELECT coalesce(max(id), 0)::text AS max FROM ${table}`);
  const next = 10 ** (rows[0].max.length + 1) - 4;
  await db.query(`SELECT setval(pg_get_serial_sequence($1, 'id'), $2)`, [table, next]);
}
