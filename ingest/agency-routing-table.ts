// The routing rules in force, held in memory: every report is routed on the hot path without a query.
import { selectRule } from '../geo/agency-routing.ts';
import type { Db } from '../sql/db.ts';
import { listRoutingRules, type StoredRoutingRule } from '../sql/queries/agency-routing-rules.ts';

export interface RoutingDecision {
  agencyId: string;
  ruleId: string;
}

const NO_RULES: readonly StoredRoutingRule[] = [];

export class AgencyRoutingTable {
  /**
   * The rules by commune (null: rules for no one commune). A report can match only its own commune's and the
   * province-wide ones: scanning every commune's rules per report cost ~1 % of intake CPU.
   */
  private byArea = new Map<string | null, StoredRoutingRule[]>();

  constructor(private readonly db: Db) {}

  /** Re-reads the rules; called at start and after every change through the API. */
  async reload(): Promise<this> {
    this.use(await listRoutingRules(this.db));
    return this;
  }

  /** Routes by these rules from now on. */
  use(rules: readonly StoredRoutingRule[]): void {
    const byArea = new Map<string | null, StoredRoutingRule[]>();
    for (const rule of rules) {
      const list = byArea.get(rule.areaCode);
      if (list) list.push(rule);
      else byArea.set(rule.areaCode, [rule]);
    }
    this.byArea = byArea;
  }

  /** The agency for a report, or null when no rule applies (it goes to the triage queue). */
  route(
    category: string,
    areaCode: string | null,
    provinceCode: string | null,
    at: Date = new Date(),
  ): RoutingDecision | null {
    const wide = this.byArea.get(null) ?? NO_RULES;
    const candidates = areaCode === null ? wide : [...(this.byArea.get(areaCode) ?? NO_RULES), ...wide];
    const rule = selectRule(candidates, { category, areaCode, provinceCode, at });
    return rule ? { agencyId: rule.agencyId, ruleId: rule.id } : null;
  }
}
