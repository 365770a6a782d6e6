// The table's index by commune is only a shortcut: it must route every report as a scan of all the rules does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { selectRule } from '../geo/agency-routing.ts';
import type { Db } from '../sql/db.ts';
import type { StoredRoutingRule } from '../sql/queries/agency-routing-rules.ts';
import { AgencyRoutingTable } from './agency-routing-table.ts';

// Half the time null: rules for any category or area are common enough to be drawn often.
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 2 });
const dayOf = (d: number) => `2027-01-${String(d).padStart(2, '0')}`;
const day = fc.integer({ min: 1, max: 28 }).map(dayOf);
const rule = fc
  .record({
    agencyId: fc.constantFrom('ubnd-1', 'ubnd-2', 'so-xay-dung', 'cong-an'),
    category: maybe(fc.constantFrom('rubbish', 'road', 'flooding')),
    areaCode: maybe(fc.constantFrom('14797', '14800', '14803')),
    provinceCode: maybe(fc.constantFrom('38', '79')),
    from: fc.integer({ min: 1, max: 20 }),
    days: maybe(fc.integer({ min: 1, max: 8 })),
  })
  .map(({ from, days, ...r }) => ({
    ...r,
    effectiveFrom: dayOf(from),
    effectiveTo: days === null ? null : dayOf(from + days),
    note: null,
  }));
const query = fc.record({
  category: fc.constantFrom('rubbish', 'road', 'flooding'),
  areaCode: maybe(fc.constantFrom('14797', '14800', '14803')),
  provinceCode: maybe(fc.constantFrom('38', '79')),
  at: day.map((d) => new Date(`${d}T12:00:00Z`)),
});

describe('agency routing table', () => {
  it('routes every report to the rule a scan of all the rules selects', () => {
    let [asked, routed] = [0, 0];
    fc.assert(
      fc.property(
        fc.array(rule, { minLength: 1, maxLength: 40 }),
        fc.array(query, { minLength: 1, maxLength: 20 }),
        (drawn, queries) => {
          const rules: StoredRoutingRule[] = drawn.map((r, i) => ({ ...r, id: String(i + 1) }));
          // The pool is read only by reload(); use() hands the rules over directly.
          const table = new AgencyRoutingTable(null as unknown as Db);
          table.use(rules);
          for (const q of queries) {
            const scanned = selectRule(rules, q);
            expect(table.route(q.category, q.areaCode, q.provinceCode, q.at)).toEqual(
              scanned ? { agencyId: scanned.agencyId, ruleId: scanned.id } : null,
            );
            asked++;
            if (scanned) routed++;
          }
        },
      ),
      { numRuns: 300 },
    );
    // Not a comparison of nulls: many queries route somewhere.
    expect(routed).toBeGreaterThan(asked / 4);
  });
});
