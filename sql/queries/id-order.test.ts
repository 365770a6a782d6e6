// Lists ordered or paged by a bigint id they output as text must order by the table's column: as text '1000' < '997'.
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test-support/db.ts';
import { idsAboutToGainADigit } from '../test-support/ids-gaining-a-digit.ts';
import { appendAudit, listAudit } from './admin-audit.ts';
import { listRecentAlerts } from './alerts.ts';
import { insertWebhookEndpoint, listWebhookDeliveries } from './webhooks.ts';

const test = useTestDatabase();

/** The ids of `table`'s rows (those matching `where`) in numeric order, newest first, as text. */
async function idsNewestFirst(table: string, where = 'true'): Promise<string[]> {
  const { rows } = await test.pool.query<{ id: string }>(
    `SELECT id::text AS id FROM ${table} WHERE ${where} ORDER BY ${table}.id DESC`,
  );
  return rows.map((r) => r.id);
}

describe('lists whose ids gain a digit', () => {
  it('pages the audit trail back across 1000 -> 999: every entry once, newest first', async () => {
    await idsAboutToGainADigit(test.pool, 'admin_audit');
    for (let i = 0; i < 10; i++) {
      await appendAudit(test.pool, {
        actorId: null,
        actorName: 'test',
        entity: 'holiday',
        entityId: `h${i}`,
        action: 'create',
        before: null,
        after: { i },
      });
    }
    const seen: string[] = [];
    let beforeId: string | undefined;
    for (let page = 0; page < 20; page++) {
      const rows = await listAudit(test.pool, { entity: 'holiday', beforeId, limit: 3 });
      seen.push(...rows.map((r) => r.id));
      if (rows.length < 3) break;
      beforeId = rows[rows.length - 1].id;
    }
    const all = await idsNewestFirst('admin_audit', "entity = 'holiday'");
    expect(all.some((id) => id.length > all[all.length - 1].length)).toBe(true);
    expect(seen).toEqual(all);
  });

  it('the newest N alerts are the N highest ids, newest first', async () => {
    await idsAboutToGainADigit(test.pool, 'alerts');
    await test.pool.query(
      `INSERT INTO alerts (msg_type, state, title, body, category, severity, urgency, certainty, effective, expires,
         area, area_desc, area_geometry, area_bounds, cells, created_by_name)
       SELECT 'Alert', 'pending_approval', 'T' || i, 'B', 'flood', 'Moderate', 'Expected', 'Likely', now(),
              now() + interval '1 day', '{}', 'area', '{}', '{0,0,0,0}', '{}', 'test'
         FROM generate_series(1, 10) i`,
    );
    const newest = await listRecentAlerts(test.pool, 5);
    expect(newest.map((a) => a.id)).toEqual((await idsNewestFirst('alerts')).slice(0, 5));
  });

  it('lists an endpoint’s deliveries newest first across 999 -> 1000', async () => {
    const endpoint = await insertWebhookEndpoint(test.pool, {
      url: 'https://example.org/hook',
      agencyId: null,
      events: ['report.created'],
      secret: 's',
      createdBy: null,
    });
    await idsAboutToGainADigit(test.pool, 'webhook_deliveries');
    await test.pool.query(
      `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload)
       SELECT $1, i, 'report.created', '{}' FROM generate_series(1, 10) i`,
      [endpoint.id],
    );
    const listed = await listWebhookDeliveries(test.pool, endpoint.id, 6);
    expect(listed.map((d) => d.id)).toEqual(
      (await idsNewestFirst('webhook_deliveries', `endpoint_id = ${endpoint.id}`)).slice(0, 6),
    );
  });
});
