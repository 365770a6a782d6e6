// Which agency gets a report: the most specific routing rule active at the report's time, or null (triage).
export interface RoutingRule {
  id: string;
  agencyId: string;
  /** null = any category. */
  category: string | null;
  /** Commune/ward code; null = not commune-specific. */
  areaCode: string | null;
  /** Province code; null = not province-specific. */
  provinceCode: string | null;
  /** Active from this instant (inclusive)... */
  effectiveFrom: Date | string;
  /** ...until this instant (exclusive), so a successor starting then never overlaps; null = open-ended. */
  effectiveTo: Date | string | null;
}

export interface RoutingQuery {
  category: string;
  areaCode: string | null;
  provinceCode: string | null;
  at: Date | string;
}

/** Area levels, most specific last. */
export const AREA_LEVEL = { catchAll: 0, province: 1, commune: 2 } as const;

function time(value: Date | string, field: string): number {
  const t = (value instanceof Date ? value : new Date(value)).getTime();
  if (Number.isNaN(t)) throw new RangeError(`${field} is not a valid date: ${String(value)}`);
  return t;
}

export function areaLevel(rule: Pick<RoutingRule, 'areaCode' | 'provinceCode'>): number {
  if (rule.areaCode !== null) return AREA_LEVEL.commune;
  return rule.provinceCode !== null ? AREA_LEVEL.province : AREA_LEVEL.catchAll;
}

/**
 * Specificity as one comparable number: area first, then category. So "this commune, any
 * category" beats "this province, this category": the commune's own agency knows its ground
 * and can forward; a province-wide category desk is the fallback for communes without a rule.
 */
export function specificity(rule: Pick<RoutingRule, 'areaCode' | 'provinceCode' | 'category'>): number {
  return areaLevel(rule) * 2 + (rule.category !== null ? 1 : 0);
}

export function isActive(rule: RoutingRule, at: Date | string): boolean {
  const t = time(at, 'at');
  const from = time(rule.effectiveFrom, `rule ${rule.id} effectiveFrom`);
  const to = rule.effectiveTo === null ? Infinity : time(rule.effectiveTo, `rule ${rule.id} effectiveTo`);
  return from <= t && t < to;
}

export function matches(rule: RoutingRule, query: RoutingQuery): boolean {
  return (
    (rule.category === null || rule.category === query.category) &&
    (rule.areaCode === null || rule.areaCode === query.areaCode) &&
    (rule.provinceCode === null || rule.provinceCode === query.provinceCode) &&
    isActive(rule, query.at)
  );
}

/**
 * The rule that routes the query, returned whole so the caller can record which rule routed.
 * Ties at the same specificity go to the newest effectiveFrom (a re-issued rule supersedes
 * the old one), then the smallest id, so the choice never depends on input order.
 */
export function selectRule<R extends RoutingRule>(rules: readonly R[], query: RoutingQuery): R | null {
  let best: R | null = null;
  let bestKey: [number, number, string] | null = null;
  for (const rule of rules) {
    if (!matches(rule, query)) continue;
    const key: [number, number, string] = [specificity(rule), time(rule.effectiveFrom, 'effectiveFrom'), rule.id];
    if (
      bestKey === null ||
      key[0] > bestKey[0] ||
      (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))
    ) {
      best = rule;
      bestKey = key;
    }
  }
  return best;
}
