// issueWallToken / revokeWallToken: an administrator names a wall display and gives it a random token (shown
// once, stored as a hash), or takes it back. Every request looks the hash up, so a revoked wall stops at once.
import type { Db } from '../../sql/db.ts';
import { appendAudit } from '../../sql/queries/admin-audit.ts';
import { insertWallToken, revokeWallToken as revokeStored, type WallTokenRow } from '../../sql/queries/wall-tokens.ts';
import { WALL_TOKEN_PREFIX } from '../auth/resolve-caller.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { errors } from '../../domain/errors.ts';
import { canManageWallTokens } from '../policies/permissions.ts';
import type { Actor } from '../policies/roles.ts';

function mustManage(actor: Actor): void {
  if (!canManageWallTokens(actor)) throw errors.forbidden('manage wall tokens');
}

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

export async function issueWallToken(
  db: Db,
  actor: Actor,
  input: { name: string; config: object },
): Promise<{ row: WallTokenRow; token: string }> {
  mustManage(actor);
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

export async function revokeWallToken(db: Db, actor: Actor, id: string): Promise<WallTokenRow> {
  mustManage(actor);
  const row = await revokeStored(db, id, actorId(actor));
  if (!row) throw errors.notFound('wallToken');
  await auditWall(db, actor, row.id, 'revoke', { name: row.name, revoked: false }, { name: row.name, revoked: true });
  return row;
}
