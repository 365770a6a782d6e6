// Routing picks the most specific active rule: area first (commune > province > all), then category.
import { describe, expect, it } from 'vitest';
import { selectRule, specificity, type RoutingRule } from './agency-routing.ts';

const FROM = '2025-07-01T00:00:00+07:00';
const rule = (id: string, over: Partial<RoutingRule>): RoutingRule => ({
  id,
  agencyId: `agency-${id}`,
  category: null,
  areaCode: null,
  provinceCode: null,
  effectiveFrom: FROM,
  effectiveTo: null,
  ...over,
});

// Thanh Hóa (38): Phường Hạc Thành 14797, Phường Hàm Rồng 14758.
const RULES: RoutingRule[] = [
  rule('all', {}),
  rule('all-flood', { category: 'flooding' }),
  rule('th', { provinceCode: '38' }),
  rule('th-road', { provinceCode: '38', category: 'road' }),
  rule('hac-thanh', { areaCode: '14797', provinceCode: '38' }),
  rule('hac-thanh-rubbish', { areaCode: '14797', provinceCode: '38', category: 'rubbish' }),
  rule('ham-rong-road-old', { areaCode: '14758', category: 'road', effectiveTo: '2026-01-01T00:00:00+07:00' }),
  rule('ham-rong-road-new', { areaCode: '14758', category: 'road', effectiveFrom: '2026-01-01T00:00:00+07:00' }),
];
const AT = '2025-09-01T08:00:00+07:00';

describe('selectRule', () => {
  it.each([
    {
      what: 'commune + category beats everything',
      q: { category: 'rubbish', areaCode: '14797', provinceCode: '38' },
      want: 'hac-thanh-rubbish',
    },
    {
      what: 'commune + any category beats province + category',
      q: { category: 'road', areaCode: '14797', provinceCode: '38' },
      want: 'hac-thanh',
    },
    {
      what: 'province + category beats province + any',
      q: { category: 'road', areaCode: '14800', provinceCode: '38' },
      want: 'th-road',
    },
    {
      what: 'province + any beats catch-all + category',
      q: { category: 'flooding', areaCode: '14800', provinceCode: '38' },
      want: 'th',
    },
    {
      what: 'catch-all + category outside the province',
      q: { category: 'flooding', areaCode: '26734', provinceCode: '79' },
      want: 'all-flood',
    },
    {
      what: 'catch-all when nothing else fits',
      q: { category: 'misconduct', areaCode: '26734', provinceCode: '79' },
      want: 'all',
    },
    {
      what: 'no commune (point outside every area) falls to the province',
      q: { category: 'road', areaCode: null, provinceCode: '38' },
      want: 'th-road',
    },
    {
      what: 'a commune rule without province matches by commune alone',
      q: { category: 'road', areaCode: '14758', provinceCode: '38' },
      want: 'ham-rong-road-old',
    },
  ])('$what', ({ q, want }) => {
    expect(selectRule(RULES, { ...q, at: AT })?.id).toBe(want);
  });

  it.each([
    { what: 'before the first rule starts', at: '2025-06-30T23:59:59+07:00', want: null },
    { what: 'at the instant it starts (inclusive)', at: FROM, want: 'ham-rong-road-old' },
    { what: 'the last millisecond of the old rule', at: '2025-12-31T23:59:59.999+07:00', want: 'ham-rong-road-old' },
    { what: 'at the handover instant (end exclusive)', at: '2026-01-01T00:00:00+07:00', want: 'ham-rong-road-new' },
    { what: 'long after (open-ended)', at: new Date('2030-01-01T00:00:00Z'), want: 'ham-rong-road-new' },
  ])('effective dates: $what -> $want', ({ at, want }) => {
    const rules = RULES.filter((r) => r.id.startsWith('ham-rong'));
    expect(selectRule(rules, { category: 'road', areaCode: '14758', provinceCode: '38', at })?.id ?? null).toBe(want);
  });

  it.each([
    { what: 'no rules at all', rules: [], q: { category: 'road', areaCode: '14797', provinceCode: '38' } },
    {
      what: 'only rules for other places',
      rules: [rule('hcm', { provinceCode: '79' }), rule('x', { areaCode: '14758' })],
      q: { category: 'road', areaCode: '14797', provinceCode: '38' },
    },
    {
      what: 'only rules for other categories',
      rules: [rule('r', { category: 'rubbish' })],
      q: { category: 'road', areaCode: '14797', provinceCode: '38' },
    },
    {
      what: 'only expired rules',
      rules: [rule('e', { effectiveTo: '2025-08-01T00:00:00+07:00' })],
      q: { category: 'road', areaCode: '14797', provinceCode: '38' },
    },
  ])('$what -> null (triage)', ({ rules, q }) => {
    expect(selectRule(rules, { ...q, at: AT })).toBeNull();
  });

  it('returns the rule object itself so the caller can record it', () => {
    const got = selectRule(RULES, { category: 'rubbish', areaCode: '14797', provinceCode: '38', at: AT });
    expect(got).toBe(RULES.find((r) => r.id === 'hac-thanh-rubbish'));
  });

  it.each([
    {
      what: 'the newer of two equal rules wins',
      rules: [rule('b', {}), rule('a', { effectiveFrom: '2025-08-01T00:00:00+07:00' })],
      want: 'a',
    },
    { what: 'then the smaller id', rules: [rule('b', {}), rule('a', {})], want: 'a' },
  ])('ties: $what, whatever the order', ({ rules, want }) => {
    const q = { category: 'road', areaCode: '14797', provinceCode: '38', at: AT };
    expect(selectRule(rules, q)?.id).toBe(want);
    expect(selectRule([...rules].reverse(), q)?.id).toBe(want);
  });

  it('orders specificity area first, then category', () => {
    const order = ['hac-thanh-rubbish', 'hac-thanh', 'th-road', 'th', 'all-flood', 'all'].map((id) =>
      specificity(RULES.find((r) => r.id === id)!),
    );
    expect(order).toEqual([...order].sort((a, b) => b - a));
    expect(new Set(order).size).toBe(order.length);
  });

  it.each([
    { what: 'a bad query time', rules: RULES, at: 'not a date' },
    { what: 'a bad rule date', rules: [rule('bad', { effectiveFrom: '2025-13-45' })], at: AT },
  ])('rejects $what', ({ rules, at }) => {
    expect(() => selectRule(rules, { category: 'road', areaCode: '14797', provinceCode: '38', at })).toThrow(
      RangeError,
    );
  });
});
