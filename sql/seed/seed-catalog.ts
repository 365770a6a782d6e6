// Seeds, once, the Thanh Hóa demo catalog: boundaries, categories, agencies. Safe to call on every start.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AreaCollection } from '../../geo/types.ts';
import { withTransaction, type Db } from '../db.ts';
import { importAreaSet } from '../queries/areas.ts';
import { seedFacilities } from './seed-facilities.ts';
import { seedCategoryQuestions } from './seed-questions.ts';
import {
  CATEGORIES,
  COMMUNE_CATEGORIES,
  PROVINCIAL_AGENCIES,
  PROVINCIAL_ROUTES,
  communeAgency,
} from './catalog-data.ts';

const DATA = fileURLToPath(new URL('../data/vn/boundaries-2025/', import.meta.url));
const SOURCE = 'sapnhap.bando.com.vn via thanglequoc/vietnamese-provinces-database (MIT)';
const EFFECTIVE_2025 = '2025-07-01';

function readAreas(file: string): AreaCollection {
  return JSON.parse(readFileSync(DATA + file, 'utf8')) as AreaCollection;
}

export async function seedCatalog(db: Db, province = 'thanh-hoa'): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM categories LIMIT 1');
  if (rows.length > 0) {
    // Parts added after a database was first seeded still arrive, each once.
    const rules = await seedRoutingRules(db);
    const facilities = await seedFacilities(db, province);
    const questions = await seedCategoryQuestions(db);
    return rules || facilities || questions;
  }
  const communes = readAreas(`${province}-communes-166.geojson`);
  const display = new Map(
    readAreas(`${province}-communes-166.simplified.geojson`).features.map((f) => [f.properties.code, f.geometry]),
  );
  const outline = readAreas(`${province}-province.geojson`);
  await withTransaction(db, async (tx) => {
    for (const [i, c] of CATEGORIES.entries()) {
      await tx.query(
        `INSERT INTO categories (code, name_vi, name_en, sensitive, color, sort_order, trade, priority)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`,
        [c.code, c.nameVi, c.nameEn, c.sensitive, c.color, i, c.trade ?? null, c.priority ?? 3],
      );
    }
    await importAreaSet(tx, {
      level: 'province',
      effectiveFrom: EFFECTIVE_2025,
      source: SOURCE,
      features: outline.features.map((f) => ({
        props: { ...f.properties, provinceCode: f.properties.code },
        geometry: f.geometry,
      })),
    });
    await importAreaSet(tx, {
      level: 'commune',
      effectiveFrom: EFFECTIVE_2025,
      source: SOURCE,
      features: communes.features.map((f) => ({
        props: f.properties,
        geometry: f.geometry,
        displayGeometry: display.get(f.properties.code),
      })),
    });
    const provinceCode = communes.features[0]?.properties.provinceCode ?? null;
    for (const a of PROVINCIAL_AGENCIES) {
      await tx.query('INSERT INTO agencies (id, name_vi, name_en, kind, province_code) VALUES ($1,$2,$3,$4,$5)', [
        a.id,
        a.nameVi,
        a.nameEn,
        a.kind,
        provinceCode,
      ]);
    }
    for (const f of communes.features) {
      const a = communeAgency(f.properties);
      await tx.query(
        "INSERT INTO agencies (id, name_vi, name_en, kind, area_code, province_code) VALUES ($1,$2,$3,'commune',$4,$5)",
        [a.id, a.nameVi, a.nameEn, f.properties.code, f.properties.provinceCode ?? null],
      );
    }
  });
  await seedRoutingRules(db);
  await seedFacilities(db, province);
  await seedCategoryQuestions(db);
  return true;
}

/** Default routing, once: the commune's People's Committee for local matters, provincial bodies for the rest. */
async function seedRoutingRules(db: Db): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM routing_rules LIMIT 1');
  if (rows.length > 0) return false;
  await withTransaction(db, async (tx) => {
    await tx.query(
      `INSERT INTO routing_rules (agency_id, category, area_code, note)
       SELECT a.id, c.code, a.area_code, 'demo: commune People''s Committee'
         FROM agencies a CROSS JOIN unnest($1::text[]) AS c(code) WHERE a.kind = 'commune'`,
      [COMMUNE_CATEGORIES],
    );
    for (const [category, agencyId] of Object.entries(PROVINCIAL_ROUTES)) {
      await tx.query(
        `INSERT INTO routing_rules (agency_id, category, province_code, note)
         SELECT id, $2, province_code, 'demo: provincial body' FROM agencies WHERE id = $1`,
        [agencyId, category],
      );
    }
  });
  return true;
}
