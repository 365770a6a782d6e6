// What administrators change besides rules and people: SLA deadlines per category, the holiday calendar, units.
import type { Db, Tx } from '../db.ts';

export interface SlaRow {
  category: string;
  /** Reports of this priority only; null: the category's rule for every priority. */
  for_priority: number | null;
  response_amount: number;
  response_unit: string;
  resolution_amount: number;
  resolution_unit: string;
  /** The category's default priority ('*' has none). */
  priority: number | null;
}
export type SlaKey = Pick<SlaRow, 'category' | 'for_priority'>;

/** Every rule, or the rules of one category, or the one rule of one category × priority. */
export async function listSla(
  db: Db | Tx,
  key?: { category: string; for_priority?: number | null },
): Promise<SlaRow[]> {
  const { rows } = await db.query<SlaRow>(
    `SELECT s.category, s.priority AS for_priority, s.response_amount, s.response_unit, s.resolution_amount,
            s.resolution_unit, c.priority
       FROM category_sla s LEFT JOIN categories c ON c.code = s.category
      WHERE ($1::text IS NULL OR s.category = $1) AND (NOT $2 OR s.priority IS NOT DISTINCT FROM $3::smallint)
      ORDER BY s.category = '*', s.category, s.priority NULLS FIRST`,
    [key?.category ?? null, key?.for_priority !== undefined, key?.for_priority ?? null],
  );
  return rows;
}

export async function upsertSla(tx: Tx, s: Omit<SlaRow, 'priority'>, priority: number | null): Promise<void> {
  await tx.query(
    `INSERT INTO category_sla (category, priority, response_amount, response_unit, resolution_amount, resolution_unit)
     VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT (category, priority) DO UPDATE SET response_amount = EXCLUDED.response_amount,
       response_unit = EXCLUDED.response_unit, resolution_amount = EXCLUDED.resolution_amount,
       resolution_unit = EXCLUDED.resolution_unit`,
    [s.category, s.for_priority, s.response_amount, s.response_unit, s.resolution_amount, s.resolution_unit],
  );
  if (priority !== null) await tx.query('UPDATE categories SET priority = $2 WHERE code = $1', [s.category, priority]);
}

/** Removes a category × priority rule; the category's own rule (priority null) is never removed here. */
export async function deleteSla(tx: Tx, key: SlaKey): Promise<void> {
  await tx.query('DELETE FROM category_sla WHERE category = $1 AND priority = $2', [key.category, key.for_priority]);
}

export interface HolidayRow {
  day: string;
  day_off: boolean;
  name_vi: string;
  name_en: string;
}

export async function listHolidays(db: Db | Tx, year: number): Promise<HolidayRow[]> {
  const { rows } = await db.query<HolidayRow>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, day_off, name_vi, name_en FROM calendar_days
      WHERE extract(year FROM day) = $1 ORDER BY day`,
    [year],
  );
  return rows;
}

export async function findHoliday(db: Db | Tx, day: string): Promise<HolidayRow | null> {
  const { rows } = await db.query<HolidayRow>(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, day_off, name_vi, name_en FROM calendar_days WHERE day = $1`,
    [day],
  );
  return rows[0] ?? null;
}

export async function upsertHoliday(tx: Tx, h: HolidayRow): Promise<void> {
  await tx.query(
    `INSERT INTO calendar_days (day, day_off, name_vi, name_en) VALUES ($1,$2,$3,$4)
     ON CONFLICT (day) DO UPDATE SET day_off = EXCLUDED.day_off, name_vi = EXCLUDED.name_vi, name_en = EXCLUDED.name_en`,
    [h.day, h.day_off, h.name_vi, h.name_en],
  );
}

export async function deleteHoliday(tx: Tx, day: string): Promise<void> {
  await tx.query('DELETE FROM calendar_days WHERE day = $1', [day]);
}

export interface AdminUnitRow {
  id: string;
  agency_id: string;
  name: string;
  trade: string | null;
  status: string;
}

export async function findAdminUnit(db: Db | Tx, id: string): Promise<AdminUnitRow | null> {
  const { rows } = await db.query<AdminUnitRow>('SELECT id, agency_id, name, trade, status FROM units WHERE id = $1', [
    id,
  ]);
  return rows[0] ?? null;
}

export async function upsertAdminUnit(tx: Tx, u: Omit<AdminUnitRow, 'status'>): Promise<void> {
  await tx.query(
    `INSERT INTO units (id, agency_id, name, trade) VALUES ($1,$2,$3,$4)
     ON CONFLICT (id) DO UPDATE SET agency_id = EXCLUDED.agency_id, name = EXCLUDED.name, trade = EXCLUDED.trade,
       version = units.version + 1, updated_at = now()`,
    [u.id, u.agency_id, u.name, u.trade],
  );
}
