// The routing rules in force, held in memory: every report is routed on the hot path without a query.
import { selectRule } from '../geo/agency-routing.ts';
import type { Db } from '../sql/db.ts';
import { listRoutingRules, type StoredRoutingRule } from '../sql/queries/agency-routing-rules.ts';

export interface RoutingDecision {
  agencyId: string;
  ruleId: string;
}

export class AgencyRoutingTable {
  private rules: StoredRoutingRule[] = [];

  constructor(private readonly db: Db) {}

  /** Re-reads the rules; called at start and after every change through the API. */
  async reload(): Promise<this> {
    this.rules = await listRoutingRules(this.db);
    return this;
  }

  /** The agency for a report, or null when no rule applies (it goes to the triage queue). */
  route(
    category: string,
    areaCode: string | null,
    provinceCode: string | null,
    at: Date = new Date(),
  ): RoutingDecision | null {
    const rule = selectRule(this.rules, { category, areaCode, provinceCode, at });
    return rule ? { agencyId: rule.agencyId, ruleId: rule.id } : null;
  }
}
