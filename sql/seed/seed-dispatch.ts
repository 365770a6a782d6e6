// Seeds the dispatch configuration (SLA per category, non-working days) and, for the demo, staff and units.
// Idempotent and never overwrites: an edited SLA, a changed password or a moved unit stay as they are.
import { withTransaction, type Db } from '../db.ts';
import { insertStaffIfMissing } from '../queries/staff.ts';
import { insertUnitIfMissing } from '../queries/units.ts';
import { insertUnitToken } from '../queries/unit-tokens.ts';
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_UNITS, demoUnitToken } from './dispatch-data.ts';
import { CALENDAR_DAYS, CATEGORY_SLA } from './sla-data.ts';

export async function seedSlaConfig(db: Db): Promise<void> {
  await withTransaction(db, async (tx) => {
    for (const s of CATEGORY_SLA) {
      await tx.query(
        `INSERT INTO category_sla (category, response_amount, response_unit, resolution_amount, resolution_unit)
         VALUES ($1,$2,$3,$4,$5) ON CONFLICT (category, priority) DO NOTHING`,
        [s.category, s.response[0], s.response[1], s.resolution[0], s.resolution[1]],
      );
    }
    for (const d of CALENDAR_DAYS) {
      await tx.query(
        'INSERT INTO calendar_days (day, day_off, name_vi, name_en) VALUES ($1,$2,$3,$4) ON CONFLICT (day) DO NOTHING',
        [d.day, d.dayOff, d.nameVi, d.nameEn],
      );
    }
  });
}

export interface DemoSeedTools {
  hashPassword(password: string): Promise<string>;
  hashToken(token: string): string;
  cellOf(lat: number, lng: number): bigint;
}

/** Returns the usernames created (empty when they already existed). */
export async function seedDemoDispatch(db: Db, tools: DemoSeedTools): Promise<string[]> {
  const passwordHash = await tools.hashPassword(DEMO_PASSWORD);
  return withTransaction(db, async (tx) => {
    for (const u of DEMO_UNITS) {
      await insertUnitIfMissing(tx, { ...u, h3Cell: tools.cellOf(u.lat, u.lng) });
      // Marked demo: a production server refuses it even if it is still in the database.
      const tokenHash = tools.hashToken(demoUnitToken(u.id));
      await insertUnitToken(tx, { unitId: u.id, tokenHash, label: 'demo', demo: true, createdBy: null });
    }
    const created: string[] = [];
    for (const s of DEMO_STAFF) {
      const row = await insertStaffIfMissing(tx, { ...s, passwordHash, demo: true });
      if (row) created.push(row.username);
    }
    return created;
  });
}
