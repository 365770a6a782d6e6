// How a command is declared: with the permission it needs (checked here, before it runs, by the one authorize())
// or with what an open command relies on instead. ingest/commands/authorization.test.ts holds every command to it.
import type { Db, Tx } from '../../sql/db.ts';
import { authorize, type OpenProof, type Permission } from '../policies/command-permissions.ts';
import type { Actor, StaffActor } from '../policies/roles.ts';

export type StaffCommand<D, A extends unknown[], R> = ((db: D, actor: Actor, ...args: A) => Promise<R>) & {
  readonly permission: Permission;
};

/** `D` is what the command runs on: the pool, or (for commands that join a caller's transaction) a Tx too. */
export function staffCommand<D extends Db | Tx, A extends unknown[], R>(
  permission: Permission,
  run: (db: D, actor: StaffActor, ...args: A) => Promise<R>,
): StaffCommand<D, A, R> {
  // Async, so a refusal is a rejected promise like every other failure of the command.
  const command = async (db: D, actor: Actor, ...args: A): Promise<R> => run(db, authorize(actor, permission), ...args);
  return Object.assign(command, { permission });
}

/** A command without a staff permission, tagged with what it relies on instead. */
export function openCommand<F extends (...args: never[]) => Promise<unknown>>(
  proof: OpenProof,
  run: F,
): F & { readonly proof: OpenProof } {
  return Object.assign(run, { proof });
}
