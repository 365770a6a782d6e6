// Wall (kiosk) tokens as stored: only their hashes, with who created and revoked them when.
import type { Db } from '../db.ts';

export interface WallTokenRow {
  id: string;
  name: string;
  demo: boolean;
  config: Record<string, unknown>;
  created_at: Date;
  revoked_at: Date | null;
}

const COLUMNS = 'id::text, name, demo, config, created_at, revoked_at';

export async function insertWallToken(
  db: Db,
  t: { name: string; tokenHash: string; demo: boolean; config: object; createdBy: string | null },
): Promise<WallTokenRow | null> {
  const { rows } = await db.query<WallTokenRow>(
    `INSERT INTO wall_tokens (name, token_hash, demo, config, created_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (token_hash) DO NOTHING RETURNING ${COLUMNS}`,
    [t.name, t.tokenHash, t.demo, JSON.stringify(t.config), t.createdBy],
  );
  return rows[0] ?? null;
}

export async function listWallTokens(db: Db): Promise<WallTokenRow[]> {
  const { rows } = await db.query<WallTokenRow>(
    `SELECT ${COLUMNS} FROM wall_tokens ORDER BY created_at DESC, wall_tokens.id DESC`,
  );
  return rows;
}

/** Revokes once; revoking again keeps the first date. Null for an unknown id. */
export async function revokeWallToken(db: Db, id: string, by: string | null): Promise<WallTokenRow | null> {
  const { rows } = await db.query<WallTokenRow>(
    `UPDATE wall_tokens SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $2)
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, by],
  );
  return rows[0] ?? null;
}

/** The live (unrevoked) wall a token hash belongs to. */
export async function findWallByTokenHash(db: Db, tokenHash: string): Promise<WallTokenRow | null> {
  const { rows } = await db.query<WallTokenRow>(
    `SELECT ${COLUMNS} FROM wall_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** Hashes of every live wall token (the feed process checks socket handshakes against them). */
export async function liveWallTokenHashes(db: Db): Promise<{ token_hash: string; demo: boolean }[]> {
  const { rows } = await db.query<{ token_hash: string; demo: boolean }>(
    'SELECT token_hash, demo FROM wall_tokens WHERE revoked_at IS NULL',
  );
  return rows;
}
