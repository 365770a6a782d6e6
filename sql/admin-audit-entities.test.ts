// The audit table's check and domain/audit-entities.ts name the same entities: a migration that rewrites the check
// and drops one (or a new entity the table refuses) fails here, not in an administrator's change.
import { describe, expect, it } from 'vitest';
import { AUDIT_ENTITIES } from '../domain/audit-entities.ts';
import { useTestDatabase } from './test-support/db.ts';

describe('admin audit entities', () => {
  const test = useTestDatabase();

  it('the table accepts every entity of domain/audit-entities.ts and refuses any other', async () => {
    const accepts = async (entity: string) => {
      const client = await test.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO admin_audit (actor_name, entity, entity_id, action) VALUES ('test', $1, '1', 'check')`,
          [entity],
        );
        return true;
      } catch {
        return false;
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    };
    for (const entity of AUDIT_ENTITIES) expect(await accepts(entity), entity).toBe(true);
    expect(await accepts('not_an_entity')).toBe(false);
  });
});
