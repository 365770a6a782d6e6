// Staff invites as stored: the token's hash, whose account, until when, and whether it was used.
import type { Db, Tx } from '../db.ts';

export interface InviteRow {
  user_id: string;
  username: string;
  display_name: string;
  expires_at: Date;
}

/** Issues an invite and ends the account's earlier unused ones, so only the newest link works. */
export async function insertInvite(
  tx: Tx,
  i: { tokenHash: string; userId: string; createdBy: string | null; expiresAt: Date },
): Promise<void> {
  await tx.query('UPDATE staff_invites SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [i.userId]);
  await tx.query('INSERT INTO staff_invites (token_hash, user_id, created_by, expires_at) VALUES ($1,$2,$3,$4)', [
    i.tokenHash,
    i.userId,
    i.createdBy,
    i.expiresAt,
  ]);
}

/** The account an unused, unexpired invite opens, for an active account; `lock` holds it until the transaction ends. */
export async function findOpenInvite(db: Db | Tx, tokenHash: string, lock = false): Promise<InviteRow | null> {
  const { rows } = await db.query<InviteRow>(
    `SELECT i.user_id::text, u.username, u.display_name, i.expires_at
       FROM staff_invites i JOIN staff_users u ON u.id = i.user_id
      WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > now() AND u.active
      ${lock ? 'FOR UPDATE OF i' : ''}`,
    [tokenHash],
  );
  return rows[0] ?? null;
}

/** Sets the password and spends the invite, in the caller's transaction. */
export async function acceptInvite(tx: Tx, tokenHash: string, userId: string, passwordHash: string): Promise<void> {
  await tx.query('UPDATE staff_invites SET used_at = now() WHERE token_hash = $1', [tokenHash]);
  await tx.query('UPDATE staff_users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
}
