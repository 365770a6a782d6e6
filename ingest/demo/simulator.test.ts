// The demo looks like a province: points on land in a commune (but for a deliberate few), and a storm that
// brings flooding, power and road reports together to the coast.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildAreaIndex } from '../../geo/area-index.ts';
import { seededRandom } from '../../geo/test-support/seeded-random.ts';
import type { AreaCollection } from '../../geo/types.ts';
import { demoReport } from './simulator.ts';
import { stormAt } from './storm.ts';

const communes = JSON.parse(
  readFileSync(new URL('../../sql/data/vn/boundaries-2025/thanh-hoa-communes-166.geojson', import.meta.url), 'utf8'),
) as AreaCollection;
const index = buildAreaIndex(communes);
const onLand = (lat: number, lng: number) => index.lookup(lng, lat) !== null;

describe('demo reports', () => {
  it('fall in a commune of the province, except about 2 % left for the triage queue', () => {
    const random = seededRandom(11);
    const reports = Array.from({ length: 2000 }, (_, i) => demoReport(i * 2, random, onLand));
    const off = reports.filter((r) => !onLand(r.lat, r.lng)).length;
    expect(off).toBeGreaterThan(0);
    expect(off / reports.length).toBeLessThan(0.04);
  });

  it('without the land check about one in eight would have been off land (what the check fixes)', () => {
    const random = seededRandom(11);
    const reports = Array.from({ length: 2000 }, (_, i) => demoReport(i * 2, random));
    expect(reports.filter((r) => !onLand(r.lat, r.lng)).length / reports.length).toBeGreaterThan(0.05);
  });

  it('a storm peaks mid-episode on the coast and brings flooding, power and road reports there', () => {
    const peak = stormAt(450);
    expect(peak.intensity).toBeGreaterThan(0.9);
    expect(stormAt(1500).intensity).toBe(0);
    const random = seededRandom(5);
    const atPeak = Array.from({ length: 1000 }, () => demoReport(450, random, onLand));
    const near = atPeak.filter((r) => Math.hypot(r.lat - peak.lat, r.lng - peak.lng) < 0.15);
    const categories = new Set(near.map((r) => r.category));
    for (const c of ['flooding', 'lighting', 'road']) expect(categories).toContain(c);
    expect(near.length).toBeGreaterThan(200);
  });
});
