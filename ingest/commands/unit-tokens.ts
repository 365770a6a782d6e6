// issueUnitToken / revokeUnitToken: an administrator gives a unit's phone a random token (shown once, stored as a
// hash) and takes it back. A revoked token stops working on its next request: every request looks the hash up.
import type { Db } from '../../sql/db.ts';
import { appendAudit } from '../../sql/queries/admin-audit.ts';
import { findUnit } from '../../sql/queries/units.ts';
import { insertUnitToken, revokeUnitToken as revokeStored, type UnitTokenRow } from '../../sql/queries/unit-tokens.ts';
import { UNIT_TOKEN_PREFIX } from '../auth/resolve-caller.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { errors } from '../../domain/errors.ts';
import type { Actor, StaffActor } from '../policies/roles.ts';
import { staffCommand } from './command.ts';

const actorId = (actor: Actor) => (actor.kind === 'staff' ? actor.userId : null);

/** The admin audit trail (never the token, only which one). */
const auditToken = (db: Db, actor: Actor, id: string, action: string, before: unknown, after: unknown) =>
  appendAudit(db, {
    actorId: actorId(actor),
    actorName: actor.kind === 'staff' ? actor.name : '?',
    entity: 'unit_token',
    entityId: id,
    action,
    before,
    after,
  });

async function mustFindUnit(db: Db, unitId: string): Promise<void> {
  if (!(await findUnit(db, unitId))) throw errors.notFound('unit');
}

export const issueUnitToken = staffCommand('manage_unit_tokens', runIssueUnitToken);
async function runIssueUnitToken(
  db: Db,
  actor: StaffActor,
  input: { unitId: string; label: string },
): Promise<{ row: UnitTokenRow; token: string }> {
  await mustFindUnit(db, input.unitId);
  // 24 random bytes; the `unit_` prefix only tells the server which lookup to make.
  const token = newToken(UNIT_TOKEN_PREFIX);
  const row = await insertUnitToken(db, {
    unitId: input.unitId,
    tokenHash: hashToken(token),
    label: input.label,
    demo: false,
    createdBy: actorId(actor),
  });
  await auditToken(db, actor, row.id, 'issue', null, { unitId: input.unitId, label: input.label });
  return { row, token };
}

export const revokeUnitToken = staffCommand('manage_unit_tokens', runRevokeUnitToken);
async function runRevokeUnitToken(
  db: Db,
  actor: StaffActor,
  input: { unitId: string; tokenId: string },
): Promise<UnitTokenRow> {
  const row = await revokeStored(db, input.unitId, input.tokenId, actorId(actor));
  if (!row) throw errors.notFound('unitToken');
  await auditToken(
    db,
    actor,
    row.id,
    'revoke',
    { unitId: input.unitId, revoked: false },
    { unitId: input.unitId, revoked: true },
  );
  return row;
}
