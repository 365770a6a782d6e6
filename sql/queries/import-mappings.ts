// Saved column mappings of hotline imports.
import type { Db, Tx } from '../db.ts';

export interface ImportMappingRow {
  id: string;
  name: string;
  columns: Record<string, string>;
  category_values: Record<string, string>;
  updated_at: Date;
}

const COLUMNS = 'id::text AS id, name, columns, category_values, updated_at';

/** Saves a mapping under its name, replacing the one of that name. */
export async function saveImportMapping(
  db: Db | Tx,
  m: { name: string; columns: Record<string, string>; categoryValues: Record<string, string>; by: string | null },
): Promise<ImportMappingRow> {
  const { rows } = await db.query<ImportMappingRow>(
    `INSERT INTO import_mappings (name, columns, category_values, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (name) DO UPDATE SET columns = EXCLUDED.columns, category_values = EXCLUDED.category_values,
                                      created_by = EXCLUDED.created_by, updated_at = now()
     RETURNING ${COLUMNS}`,
    [m.name, JSON.stringify(m.columns), JSON.stringify(m.categoryValues), m.by],
  );
  return rows[0];
}

export async function listImportMappings(db: Db | Tx): Promise<ImportMappingRow[]> {
  const { rows } = await db.query<ImportMappingRow>(`SELECT ${COLUMNS} FROM import_mappings ORDER BY name`);
  return rows;
}

export async function findImportMapping(db: Db | Tx, name: string): Promise<ImportMappingRow | null> {
  const { rows } = await db.query<ImportMappingRow>(`SELECT ${COLUMNS} FROM import_mappings WHERE name = $1`, [name]);
  return rows[0] ?? null;
}

export async function findImportMappingById(db: Db | Tx, id: string): Promise<ImportMappingRow | null> {
  const { rows } = await db.query<ImportMappingRow>(`SELECT ${COLUMNS} FROM import_mappings WHERE id = $1`, [id]);
  return rows[0] ?? null;
}

/** Edits one mapping, its name included; null when the new name is another mapping's. */
export async function updateImportMapping(
  db: Db | Tx,
  id: string,
  m: { name: string; columns: Record<string, string>; categoryValues: Record<string, string>; by: string | null },
): Promise<ImportMappingRow | null> {
  const { rows } = await db.query<ImportMappingRow>(
    `UPDATE import_mappings SET name = $2, columns = $3, category_values = $4, created_by = $5, updated_at = now()
      WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM import_mappings WHERE name = $2 AND id <> $1)
     RETURNING ${COLUMNS}`,
    [id, m.name, JSON.stringify(m.columns), JSON.stringify(m.categoryValues), m.by],
  );
  return rows[0] ?? null;
}

export async function deleteImportMapping(db: Db | Tx, id: string): Promise<void> {
  await db.query('DELETE FROM import_mappings WHERE id = $1', [id]);
}
