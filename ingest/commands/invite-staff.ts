// Invites: an administrator creates an account with no password and gets a one-time link that expires; the
// invitee sets the password through it. The token is shown once and stored only as its hash.
import { withTransaction, type Db } from '../../sql/db.ts';
import { appendAudit } from '../../sql/queries/admin-audit.ts';
import { findStaffById, type StaffRow } from '../../sql/queries/staff.ts';
import { acceptInvite, findOpenInvite, insertInvite } from '../../sql/queries/staff-invites.ts';
import { errors } from '../../domain/errors.ts';
import { hashPassword } from '../auth/password.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { StaffActor } from '../policies/roles.ts';
import { audited } from './admin-changes.ts';
import { createStaff, type NewStaffInput } from './create-staff.ts';
import { staffCommand, openCommand } from './command.ts';

export const INVITE_HOURS = 72;

export interface IssuedInvite {
  staff: StaffRow;
  /** Shown once, to the administrator who hands it over; only its hash is kept. */
  token: string;
  expiresAt: Date;
}

const expiry = () => new Date(Date.now() + INVITE_HOURS * 3_600_000);
const audit = (s: StaffRow, expiresAt: Date) => ({
  username: s.username,
  role: s.role,
  agency_id: s.agency_id,
  expiresAt,
});

export const inviteStaff = staffCommand('manage_staff', runInviteStaff);
async function runInviteStaff(
  db: Db,
  actor: StaffActor,
  input: Omit<NewStaffInput, 'password'>,
): Promise<IssuedInvite> {
  const token = newToken('inv_');
  const expiresAt = expiry();
  let staff: StaffRow | null = null;
  await audited(db, actor, { entity: 'staff', id: input.username, action: 'invite' }, async (tx) => {
    staff = await createStaff(tx, actor, input);
    await insertInvite(tx, { tokenHash: hashToken(token), userId: staff.id, createdBy: actor.userId, expiresAt });
    return { before: null, after: audit(staff, expiresAt) };
  });
  return { staff: staff!, token, expiresAt };
}

/** A new link for an account whose invite expired or was lost; earlier links stop working. */
export const reissueInvite = staffCommand('manage_staff', runReissueInvite);
async function runReissueInvite(db: Db, actor: StaffActor, userId: string): Promise<IssuedInvite> {
  const token = newToken('inv_');
  const expiresAt = expiry();
  let staff: StaffRow | null = null;
  await audited(db, actor, { entity: 'staff', id: userId, action: 'invite' }, async (tx) => {
    const s = (staff = await findStaffById(tx, userId));
    if (!s) throw errors.notFound('staffAccount');
    if (s.password_hash !== null || !s.active) throw errors.inviteNotNeeded();
    await insertInvite(tx, { tokenHash: hashToken(token), userId, createdBy: actor.userId, expiresAt });
    return { before: null, after: audit(s, expiresAt) };
  });
  return { staff: staff!, token, expiresAt };
}

/** Who the link is for, so the page can greet them; the same answer for unknown, used and expired links. */
export const lookUpInvite = openCommand('invite_token', runLookUpInvite);
async function runLookUpInvite(db: Db, token: string) {
  const invite = await findOpenInvite(db, hashToken(token));
  if (!invite) throw errors.inviteInvalid();
  return invite;
}

/** Sets the password and spends the link in one transaction; a second use (even a concurrent one) finds nothing. */
export const acceptStaffInvite = openCommand('invite_token', runAcceptStaffInvite);
async function runAcceptStaffInvite(db: Db, token: string, password: string): Promise<{ username: string }> {
  const tokenHash = hashToken(token);
  // A cheap look first: an unknown token must not cost a memory-hard hash (no CPU for strangers to burn).
  if (!(await findOpenInvite(db, tokenHash))) throw errors.inviteInvalid();
  const passwordHash = await hashPassword(password);
  return withTransaction(db, async (tx) => {
    const invite = await findOpenInvite(tx, tokenHash, true);
    if (!invite) throw errors.inviteInvalid();
    await acceptInvite(tx, tokenHash, invite.user_id, passwordHash);
    await appendAudit(tx, {
      actorId: invite.user_id,
      actorName: invite.display_name,
      entity: 'staff',
      entityId: invite.user_id,
      action: 'accept_invite',
      before: { password: false },
      after: { password: true },
    });
    return { username: invite.username };
  });
}
