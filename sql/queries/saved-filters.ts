// A staff member's named queue filters.
import type { Db } from '../db.ts';

export interface SavedFilterRow {
  id: string;
  name: string;
  query: Record<string, string>;
}

export async function listSavedFilters(db: Db, userId: string): Promise<SavedFilterRow[]> {
  const { rows } = await db.query<SavedFilterRow>(
    'SELECT id::text, name, query FROM saved_queue_filters WHERE user_id = $1 ORDER BY name',
    [userId],
  );
  return rows;
}

/** Saving under an existing name replaces that filter. */
export async function saveFilter(db: Db, userId: string, name: string, query: object): Promise<SavedFilterRow> {
  const { rows } = await db.query<SavedFilterRow>(
    `INSERT INTO saved_queue_filters (user_id, name, query) VALUES ($1, $2, $3)
     ON CONFLICT (user_id, name) DO UPDATE SET query = EXCLUDED.query RETURNING id::text, name, query`,
    [userId, name, JSON.stringify(query)],
  );
  return rows[0];
}

export async function deleteSavedFilter(db: Db, userId: string, id: string): Promise<boolean> {
  const { rowCount } = await db.query('DELETE FROM saved_queue_filters WHERE id = $1 AND user_id = $2', [id, userId]);
  return (rowCount ?? 0) > 0;
}
