// signIn / signOut: check the password (throttled per account, address and both; auth/login-limiter.ts) and open or close a session.
import { withTransaction, type Db } from '../../sql/db.ts';
import { appendEvents } from '../../sql/queries/events.ts';
import { deleteSession, findStaffByUsername, insertSession, type StaffRow } from '../../sql/queries/staff.ts';
import { DUMMY_HASH, verifyPassword } from '../auth/password.ts';
import { TooManyAttempts, type LoginLimiter } from '../auth/login-limiter.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { errors } from '../../domain/errors.ts';
import { openCommand } from './command.ts';

export const SESSION_HOURS = 12;

export interface SignedIn {
  user: StaffRow;
  sessionToken: string;
  csrfToken: string;
  expiresAt: Date;
}

export const signIn = openCommand('anyone', runSignIn);
async function runSignIn(
  db: Db,
  limiter: LoginLimiter,
  input: { username: string; password: string; ip: string; acceptDemo?: boolean },
): Promise<SignedIn> {
  try {
    await limiter.admit(input.username, input.ip);
  } catch (e) {
    if (!(e instanceof TooManyAttempts)) throw e;
    throw errors.tooManySignIns(Math.ceil(e.retryAfterMs / 1000));
  }
  const user = await findStaffByUsername(db, input.username.toLowerCase());
  // Always pay for one hash so a wrong username and a wrong password look the same from outside.
  const ok = await verifyPassword(input.password, user?.password_hash ?? DUMMY_HASH);
  // A demo account's password is published: in production it opens nothing, even if someone reactivated it.
  if (!user || !ok || !user.active || (user.demo && input.acceptDemo !== true)) {
    await limiter.failed(input.username, input.ip);
    throw errors.badCredentials();
  }
  await limiter.succeeded(input.username, input.ip);
  const sessionToken = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await insertSession(db, { tokenHash: hashToken(sessionToken), userId: user.id, csrfToken, expiresAt });
  return { user, sessionToken, csrfToken, expiresAt };
}

/** Ends the session, and tells the live feed in the same transaction so its sockets are cut within seconds. */
export const signOut = openCommand('own_session', runSignOut);
async function runSignOut(db: Db, sessionTokenHash: string | null, userId: string | null): Promise<void> {
  if (!sessionTokenHash) return;
  await withTransaction(db, async (tx) => {
    await deleteSession(tx, sessionTokenHash);
    if (userId) await appendEvents(tx, [{ reportId: null, kind: 'session.ended', payload: { userId } }]);
  });
}
