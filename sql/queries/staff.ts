// Staff accounts and sessions as stored. Hashing and checks live in ingest/.
import type { Db, Tx } from '../db.ts';

export interface StaffRow {
  id: string;
  username: string;
  display_name: string;
  /** Null until an invited account's password is set. */
  password_hash: string | null;
  role: string;
  agency_id: string | null;
  unit_id: string | null;
  demo: boolean;
  active: boolean;
}

const COLUMNS = 'id, username, display_name, password_hash, role, agency_id, unit_id, demo, active';

export async function findStaffByUsername(db: Db | Tx, username: string): Promise<StaffRow | null> {
  const { rows } = await db.query<StaffRow>(`SELECT ${COLUMNS} FROM staff_users WHERE username = $1`, [username]);
  return rows[0] ?? null;
}

export async function listStaff(db: Db): Promise<StaffRow[]> {
  const { rows } = await db.query<StaffRow>(`SELECT ${COLUMNS} FROM staff_users ORDER BY role, username`);
  return rows;
}

export interface NewStaff {
  username: string;
  displayName: string;
  passwordHash: string | null;
  role: string;
  agencyId: string | null;
  unitId: string | null;
  demo: boolean;
}

/** Inserts, or leaves an existing username untouched; returns whether a row was created. */
export async function insertStaffIfMissing(db: Db | Tx, s: NewStaff): Promise<StaffRow | null> {
  const { rows } = await db.query<StaffRow>(
    `INSERT INTO staff_users (username, display_name, password_hash, role, agency_id, unit_id, demo)
     VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (username) DO NOTHING RETURNING ${COLUMNS}`,
    [s.username, s.displayName, s.passwordHash, s.role, s.agencyId, s.unitId, s.demo],
  );
  return rows[0] ?? null;
}

export async function activeDemoUsernames(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ username: string }>(
    'SELECT username FROM staff_users WHERE demo AND active ORDER BY username',
  );
  return rows.map((r) => r.username);
}

export async function insertSession(
  db: Db,
  s: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db.query('INSERT INTO staff_sessions (token_hash, user_id, csrf_token, expires_at) VALUES ($1,$2,$3,$4)', [
    s.tokenHash,
    s.userId,
    s.csrfToken,
    s.expiresAt,
  ]);
}

export interface SessionRow {
  csrf_token: string;
  expires_at: Date;
  user: StaffRow;
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | null> {
  const { rows } = await db.query<StaffRow & { csrf_token: string; expires_at: Date }>(
    `SELECT s.csrf_token, s.expires_at, u.id, u.username, u.display_name, u.password_hash, u.role, u.agency_id, u.unit_id, u.demo, u.active
       FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
    [tokenHash],
  );
  const r = rows[0];
  if (!r) return null;
  const { csrf_token, expires_at, ...user } = r;
  return { csrf_token, expires_at, user };
}

export async function deleteSession(db: Db | Tx, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM staff_sessions WHERE token_hash = $1 OR expires_at < now()', [tokenHash]);
}

export async function findStaffById(db: Db | Tx, id: string): Promise<StaffRow | null> {
  const { rows } = await db.query<StaffRow>(`SELECT ${COLUMNS} FROM staff_users WHERE id = $1 FOR UPDATE`, [id]);
  return rows[0] ?? null;
}

export async function updateStaff(
  tx: Tx,
  id: string,
  c: { role: string; agencyId: string | null; unitId: string | null; displayName: string; active: boolean },
): Promise<StaffRow> {
  const { rows } = await tx.query<StaffRow>(
    `UPDATE staff_users SET role = $2, agency_id = $3, unit_id = $4, display_name = $5, active = $6 WHERE id = $1
     RETURNING ${COLUMNS}`,
    [id, c.role, c.agencyId, c.unitId, c.displayName, c.active],
  );
  return rows[0];
}

/** Ends every session of the account at once: its next request is anonymous. */
export async function endSessions(tx: Tx, userId: string): Promise<number> {
  const { rowCount } = await tx.query('DELETE FROM staff_sessions WHERE user_id = $1', [userId]);
  return rowCount ?? 0;
}

/**
 * Whether a socket ticket's session still gives what the ticket claims: the session exists and has not expired,
 * and its account is active with the same role, agency and unit (a demo account only where demo secrets count).
 */
export async function sessionStillGrants(
  db: Db,
  c: { sid: string; userId: string | null; role: string; agencyId: string | null; unitId: string | null },
  acceptDemo: boolean,
): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>(
    `SELECT true AS ok FROM staff_sessions s JOIN staff_users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active AND u.id::text = $2 AND u.role = $3
        AND u.agency_id IS NOT DISTINCT FROM $4 AND u.unit_id IS NOT DISTINCT FROM $5 AND (NOT u.demo OR $6)`,
    [c.sid, c.userId, c.role, c.agencyId, c.unitId, acceptDemo],
  );
  return rows.length > 0;
}
