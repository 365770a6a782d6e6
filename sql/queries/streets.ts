// Named streets as imported (sql/street-import.ts) and read by the address search.
import type { Db, Tx } from '../db.ts';

export interface StreetRow {
  id: string;
  name: string;
  folded_name: string;
  area_code: string | null;
  province_code: string | null;
  coordinates: [number, number][];
  house_from: number | null;
  house_to: number | null;
  interpolation: 'even' | 'odd' | 'all' | null;
}

export type NewStreet = Omit<StreetRow, 'id'> & { source: string; licence: string };

export async function insertStreets(tx: Tx, rows: NewStreet[]): Promise<number> {
  for (const r of rows) {
    await tx.query(
      `INSERT INTO streets (name, folded_name, area_code, province_code, coordinates, house_from, house_to, interpolation, source, licence)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [
        r.name,
        r.folded_name,
        r.area_code,
        r.province_code,
        JSON.stringify(r.coordinates),
        r.house_from,
        r.house_to,
        r.interpolation,
        r.source,
        r.licence,
      ],
    );
  }
  return rows.length;
}

/** Streets whose folded name is, starts with, or contains the typed one (the caller ranks them). */
export async function findStreets(db: Db, folded: string, limit = 200): Promise<StreetRow[]> {
  const { rows } = await db.query<StreetRow>(
    `SELECT id::text, name, folded_name, area_code, province_code, coordinates, house_from, house_to, interpolation
       FROM streets WHERE folded_name LIKE $1 OR folded_name LIKE $2 ORDER BY folded_name = $3 DESC, streets.id LIMIT $4`,
    [`${folded.replace(/[\\%_]/g, '\\$&')}%`, `% ${folded.replace(/[\\%_]/g, '\\$&')}%`, folded, limit],
  );
  return rows;
}
