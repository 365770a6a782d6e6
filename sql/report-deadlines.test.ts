// The batch insert works out priority and SLA deadlines once per category (migration 0092); a row inserted alone
// gets them from the per-row triggers. Both must give every report the same, per-priority rules included.
import { describe, expect, it } from 'vitest';
import { withTransaction } from './db.ts';
import { insertReports, type NewReport } from './queries/reports.ts';
import { seedSlaConfig } from './seed/seed-dispatch.ts';
import { useTestDatabase } from './test-support/db.ts';

interface Due {
  category: string;
  priority: number;
  response_due_at: Date | null;
  due_at: Date | null;
}

const report = (category: string): NewReport => ({
  category,
  description: 'Kiểm tra hạn xử lý',
  lat: 19.8,
  lng: 105.78,
  h3Cell: 613196571547009023n,
  areaCode: null,
  areaName: null,
  provinceCode: null,
  agencyId: null,
  needsTriage: true,
  reporterName: null,
  reporterPhone: null,
  anonymous: false,
  source: 'test',
});

describe('report deadlines: the batch insert and the per-row triggers agree', () => {
  const test = useTestDatabase();

  it('for every category, with a rule for one priority overriding its category', async () => {
    await seedSlaConfig(test.pool);
    // Flooding is priority 1: this row must win over flooding's any-priority row, on both paths.
    await test.pool.query(
      `INSERT INTO category_sla (category, priority, response_amount, response_unit, resolution_amount, resolution_unit)
       VALUES ('flooding', 1, 30, 'hours', 2, 'working_days')`,
    );
    const { rows: categories } = await test.pool.query<{ code: string }>('SELECT code FROM categories ORDER BY code');
    expect(categories.length).toBeGreaterThan(5);
    const { batch, alone } = await withTransaction(test.pool, async (tx) => {
      // One transaction: now() (the batch's received time) equals each lone row's created_at.
      const stored = await insertReports(
        tx,
        categories.map((c) => report(c.code)),
        categories.map(() => ({ sensitive: false })),
      );
      const ids: string[] = [];
      for (const c of categories) {
        const { rows } = await tx.query<{ id: string }>(
          `INSERT INTO reports (category, description, lat, lng, h3_cell, source)
           VALUES ($1, 'Kiểm tra hạn xử lý', 19.8, 105.78, 613196571547009023, 'test') RETURNING id`,
          [c.code],
        );
        ids.push(rows[0].id);
      }
      const read = async (of: string[]) =>
        (
          await tx.query<Due>(
            `SELECT category, priority, response_due_at, due_at FROM reports WHERE id = ANY ($1::bigint[]) ORDER BY category`,
            [of],
          )
        ).rows;
      return { batch: await read(stored.map((r) => r.id)), alone: await read(ids) };
    });
    expect(batch).toEqual(alone);
    expect(batch.every((r) => r.response_due_at !== null && r.due_at !== null)).toBe(true);
    const flooding = batch.find((r) => r.category === 'flooding')!;
    expect(flooding.priority).toBe(1);
    const { rows } = await test.pool.query<{ now: Date }>('SELECT now()');
    // 30 wall-clock hours from receipt: the priority-1 rule, not flooding's 2-hour default.
    const hours = (flooding.response_due_at!.getTime() - rows[0].now.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(29);
    expect(hours).toBeLessThanOrEqual(30);
  });
});
