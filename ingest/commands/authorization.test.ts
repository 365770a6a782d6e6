// Every command declares how it is authorised: a staff permission, checked by the one authorize() before it runs,
// or what an open command relies on instead. A new command exported without either fails here.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { ROLES } from '../../domain/roles.ts';
import { PERMISSIONS } from '../policies/command-permissions.ts';
import type { StaffActor } from '../policies/roles.ts';
import type { Db } from '../../sql/db.ts';
import { staffActor } from '../test-support/actors.ts';
import { declaredCommands } from '../test-support/declared-commands.ts';

const commands = await declaredCommands();
const staffCommands = commands.filter((e) => e.command.permission !== undefined);

/** A database that fails the test if a command touches it before authorising. */
const untouchable = new Proxy({} as Db, {
  get: (_t, key) => {
    throw new Error(`the command used the database (${String(key)}) before authorising`);
  },
});
const staff = (role: StaffActor['role']): StaffActor => staffActor(role);
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (error: unknown) => error,
  );
  return e instanceof DomainError ? e.kind : e;
};

describe('every command is authorised in one place', () => {
  it('finds the commands', () => {
    expect(staffCommands.length).toBeGreaterThan(25);
    expect(commands.length - staffCommands.length).toBeGreaterThan(5);
  });

  it.each(commands.map((c) => [c.id, c.command] as const))('%s declares a permission or an open proof', (_id, c) => {
    expect(c.permission !== undefined || c.proof !== undefined).toBe(true);
    if (c.permission !== undefined) expect(Object.keys(PERMISSIONS)).toContain(c.permission);
  });

  it.each(staffCommands.map((c) => [c.id, c.command] as const))(
    '%s refuses the public and every role without its permission before touching anything',
    async (_id, c) => {
      expect(await refusal(c(untouchable, { kind: 'public' }))).toBe('unauthenticated');
      const holds = PERMISSIONS[c.permission!].holds;
      for (const role of ROLES.filter((r) => !holds(staff(r))))
        expect(await refusal(c(untouchable, staff(role)))).toBe('forbidden');
    },
  );
});
