// issueWallToken / revokeWallToken: an administrator names a wall display and gives it a random token (shown
// once, stored as a hash), or takes it back. Every request looks the hash up, so a revoked wall stops at once.
import type { Db } from '../../sql/db.ts';
import { appendAudit } from '../../sql/queries/admin-audit.ts';
import { insertWallToken, revokeWallToken as revokeStored, type WallTokenRow } from '../../sql/queries/wall-tokens.ts';
import { WALL_TOKEN_PREFIX } from '../auth/resolve-caller.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { errors } from '../../domain/errors.ts';
import type { Actor, StaffActor } from '../policies/roles.ts';
import { staffCommand } from './command.ts';

const actorId = (actor: Actor) => (actor.kind === 'staff' ? actor.userId : null);

/** The admin audit trail (never the token, only which one). */
const auditWall = (db: Db, actor: Actor, id: string, action: string, before: unknown, after: unknown) =>
  appendAudit(db, {
    actorId: actorId(actor),
    actorName: actor.kind === 'staff' ? actor.name : '?',
    entity: 'wall_token',
    entityId: id,
    action,
    before,
    after,
  });

export const issueWallToken = staffCommand('manage_wall_tokens', runIssueWallToken);
async function runIssueWallToken(
  db: Db,
  actor: StaffActor,
  input: { name: string; config: object },
): Promise<{ row: WallTokenRow; token: string }> {
  const token = newToken(WALL_TOKEN_PREFIX);
  const row = await insertWallToken(db, {
    name: input.name,
    tokenHash: hashToken(token),
    demo: false,
    config: input.config,
    createdBy: actorId(actor),
  });
  if (!row) throw new Error('wall token collision'); // 24 random bytes: not expected in this universe
  await auditWall(db, actor, row.id, 'issue', null, { name: input.name, config: input.config });
  return { row, token };
}

export const revokeWallToken = staffCommand('manage_wall_tokens', runRevokeWallToken);
async function runRevokeWallToken(db: Db, actor: StaffActor, id: string): Promise<WallTokenRow> {
  const row = await revokeStored(db, id, actorId(actor));
  if (!row) throw errors.notFound('wallToken');
  await auditWall(db, actor, row.id, 'revoke', { name: row.name, revoked: false }, { name: row.name, revoked: true });
  return row;
}
