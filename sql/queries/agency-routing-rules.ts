// Routing rules as stored; choosing among them is geo/agency-routing.ts's job.
import type { RoutingRule } from '../../geo/agency-routing.ts';
import type { Db, Tx } from '../db.ts';

interface RoutingRuleRow {
  id: string;
  agency_id: string;
  category: string | null;
  area_code: string | null;
  province_code: string | null;
  effective_from: string;
  effective_to: string | null;
  note: string | null;
}

/** A rule as the API, the event log and geo/agency-routing.ts read it: dates as YYYY-MM-DD. */
export interface StoredRoutingRule extends RoutingRule {
  effectiveFrom: string;
  effectiveTo: string | null;
  note: string | null;
}

const SELECT = `SELECT id::text AS id, agency_id, category, area_code, province_code,
  to_char(effective_from, 'YYYY-MM-DD') AS effective_from, to_char(effective_to, 'YYYY-MM-DD') AS effective_to, note
  FROM routing_rules`;

const toRule = (r: RoutingRuleRow): StoredRoutingRule => ({
  id: r.id,
  agencyId: r.agency_id,
  category: r.category,
  areaCode: r.area_code,
  provinceCode: r.province_code,
  effectiveFrom: r.effective_from,
  effectiveTo: r.effective_to,
  note: r.note,
});

export async function listRoutingRules(db: Db | Tx): Promise<StoredRoutingRule[]> {
  return (await db.query<RoutingRuleRow>(`${SELECT} ORDER BY routing_rules.id`)).rows.map(toRule);
}

export type NewRoutingRule = Omit<StoredRoutingRule, 'id' | 'effectiveTo'> & { effectiveTo?: string | null };

export async function insertRoutingRule(tx: Tx, r: NewRoutingRule): Promise<StoredRoutingRule> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO routing_rules (agency_id, category, area_code, province_code, effective_from, effective_to, note)
     VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
    [r.agencyId, r.category, r.areaCode, r.provinceCode, r.effectiveFrom, r.effectiveTo ?? null, r.note],
  );
  return toRule((await tx.query<RoutingRuleRow>(`${SELECT} WHERE id = $1`, [rows[0].id])).rows[0]);
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
export async function endRoutingRule(tx: Tx, id: string, effectiveTo: string): Promise<StoredRoutingRule | null> {
  const { rowCount } = await tx.query(
    'UPDATE routing_rules SET effective_to = $2 WHERE id = $1 AND effective_from < $2',
    [id, effectiveTo],
  );
  if (!rowCount) return null;
  return toRule((await tx.query<RoutingRuleRow>(`${SELECT} WHERE id = $1`, [id])).rows[0]);
}
