// Unit phone tokens as stored: only their hashes, with who issued and revoked them when.
import type { Db, Tx } from '../db.ts';

export interface UnitTokenRow {
  id: string;
  unit_id: string;
  label: string;
  demo: boolean;
  created_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = 'id::text, unit_id, label, demo, created_at, revoked_at';

export async function insertUnitToken(
  db: Db | Tx,
  t: { unitId: string; tokenHash: string; label: string; demo: boolean; createdBy: string | null },
): Promise<UnitTokenRow> {
  const { rows } = await db.query<UnitTokenRow>(
    `INSERT INTO unit_tokens (unit_id, token_hash, label, demo, created_by) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (token_hash) DO NOTHING RETURNING ${COLUMNS}`,
    [t.unitId, t.tokenHash, t.label, t.demo, t.createdBy],
  );
  return rows[0];
}

export async function listUnitTokens(db: Db, unitId: string): Promise<UnitTokenRow[]> {
  const { rows } = await db.query<UnitTokenRow>(
    `SELECT ${COLUMNS} FROM unit_tokens WHERE unit_id = $1 ORDER BY created_at DESC, unit_tokens.id DESC`,
    [unitId],
  );
  return rows;
}

/** Revokes once; revoking again keeps the first date. Null when the token is not this unit's. */
export async function revokeUnitToken(
  db: Db,
  unitId: string,
  tokenId: string,
  by: string | null,
): Promise<UnitTokenRow | null> {
  const { rows } = await db.query<UnitTokenRow>(
    `UPDATE unit_tokens SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $3)
      WHERE id = $2 AND unit_id = $1 RETURNING ${COLUMNS}`,
    [unitId, tokenId, by],
  );
  return rows[0] ?? null;
}

/** The unit a live (unrevoked) token belongs to, and whether that token is a published demo one. */
export async function findUnitByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<{ id: string; agency_id: string; name: string; demo: boolean } | null> {
  const { rows } = await db.query<{ id: string; agency_id: string; name: string; demo: boolean }>(
    `SELECT u.id, u.agency_id, u.name, t.demo FROM unit_tokens t JOIN units u ON u.id = t.unit_id
      WHERE t.token_hash = $1 AND t.revoked_at IS NULL`,
    [tokenHash],
  );
  return rows[0] ?? null;
}
