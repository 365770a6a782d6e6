// The administration audit trail: appended in the transaction of the change it records.
import type { AuditEntity } from '../../domain/audit-entities.ts';
import type { Db, Tx } from '../db.ts';

export type { AuditEntity };

export interface AuditEntry {
  actorId: string | null;
  actorName: string;
  entity: AuditEntity;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditRow {
  id: string;
  at: Date;
  actor_name: string;
  entity: AuditEntity;
  entity_id: string;
  action: string;
  before: unknown;
  after: unknown;
}

/** In the change's transaction where there is one; a single-statement change records right after it. */
export async function appendAudit(tx: Db | Tx, e: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO admin_audit (actor_id, actor_name, entity, entity_id, action, before, after) VALUES ($1,$2,$3,$4,$5,$6,$7)`,
    [
      e.actorId,
      e.actorName,
      e.entity,
      e.entityId,
      e.action,
      e.before === null || e.before === undefined ? null : JSON.stringify(e.before),
      e.after === null || e.after === undefined ? null : JSON.stringify(e.after),
    ],
  );
}

/** Newest first; `beforeId` pages back. */
export async function listAudit(
  db: Db,
  f: { entity?: string; entityId?: string; beforeId?: string; limit: number },
): Promise<AuditRow[]> {
  const { rows } = await db.query<AuditRow>(
    // admin_audit.id, the bigint: a bare `id` in ORDER BY is the text output column ('1000' < '999').
    `SELECT id::text, at, actor_name, entity, entity_id, action, before, after FROM admin_audit
      WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2) AND ($3::bigint IS NULL OR admin_audit.id < $3)
      ORDER BY admin_audit.id DESC LIMIT $4`,
    [f.entity ?? null, f.entityId ?? null, f.beforeId ?? null, f.limit],
  );
  return rows;
}
