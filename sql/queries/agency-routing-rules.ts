// Routing rules as stored; choosing among them is geo/routing.ts's job.
import type { Db, Tx } from '../db.ts';

export interface RoutingRuleRow {
  id: string;
  agencyId: string;
  category: string | null;
  areaCode: string | null;
  provinceCode: string | null;
  effectiveFrom: string;
  effectiveTo: string | null;
  note: string | null;
}

const SELECT = `SELECT id::text AS id, agency_id AS "agencyId", category, area_code AS "areaCode", province_code AS "provinceCode",
  to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom", to_char(effective_to, 'YYYY-MM-DD') AS "effectiveTo", note FROM routing_rules`;

export async function listRoutingRules(db: Db | Tx): Promise<RoutingRuleRow[]> {
  return (await db.query<RoutingRuleRow>(`${SELECT} ORDER BY id`)).rows;
}

export type NewRoutingRule = Omit<RoutingRuleRow, 'id' | 'effectiveTo'> & { effectiveTo?: string | null };

export async function insertRoutingRule(tx: Tx, r: NewRoutingRule): Promise<RoutingRuleRow> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO routing_rules (agency_id, category, area_code, province_code, effective_from, effective_to, note)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [r.agencyId, r.category, r.areaCode, r.provinceCode, r.effectiveFrom, r.effectiveTo ?? null, r.note],
  );
  return (await tx.query<RoutingRuleRow>(`${SELECT} WHERE id = $1`, [rows[0].id])).rows[0];
}

/** Whether the agency and the category a new rule names exist. */
export async function knownRuleTargets(
  tx: Tx,
  agencyId: string,
  category: string | null,
): Promise<{ agency: boolean; category: boolean }> {
  const { rows } = await tx.query<{ agency: boolean; category: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM agencies WHERE id = $1) AS agency, EXISTS (SELECT 1 FROM categories WHERE code = $2) AS category`,
    [agencyId, category],
  );
  return rows[0];
}

/** Ends a rule from a date instead of deleting it, so reports keep a valid reference to what routed them. */
export async function endRoutingRule(tx: Tx, id: string, effectiveTo: string): Promise<RoutingRuleRow | null> {
  const { rowCount } = await tx.query(
    'UPDATE routing_rules SET effective_to = $2 WHERE id = $1 AND effective_from < $2',
    [id, effectiveTo],
  );
  if (!rowCount) return null;
  return (await tx.query<RoutingRuleRow>(`${SELECT} WHERE id = $1`, [id])).rows[0];
}
