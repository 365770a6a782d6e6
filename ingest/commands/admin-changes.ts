// Administration changes (SLA deadlines in change-sla.ts): holidays, staff accounts, field units. Each is one transaction that
// writes the change and its audit row (who, when, before, after), so the trail cannot miss a change.
import { withTransaction, type Db, type Tx } from '../../sql/db.ts';
import { appendAudit, type AuditEntity } from '../../sql/queries/admin-audit.ts';
import {
  deleteHoliday,
  findAdminUnit,
  findHoliday,
  upsertAdminUnit,
  upsertHoliday,
  type AdminUnitRow,
  type HolidayRow,
} from '../../sql/queries/admin-settings.ts';
import { appendEvents } from '../../sql/queries/events.ts';
import { endSessions, findStaffById, updateStaff, type StaffRow } from '../../sql/queries/staff.ts';
import { errors, fieldIssue, reasons, type Reason } from '../../domain/errors.ts';
import type { StaffActor } from '../policies/roles.ts';
import { staffCommand } from './command.ts';

/** Runs `change` and records what it returns as the audit row of `entity`/`id` (a new record's id: from `after`). */
export async function audited<T>(
  db: Db,
  actor: StaffActor,
  what: { entity: AuditEntity; id: string | ((after: T) => string); action: string },
  change: (tx: Tx) => Promise<{ before: unknown; after: T }>,
): Promise<T> {
  return withTransaction(db, async (tx) => {
    const { before, after } = await change(tx);
    await appendAudit(tx, {
      actorId: actor.userId,
      actorName: actor.name,
      entity: what.entity,
      entityId: typeof what.id === 'string' ? what.id : what.id(after),
      action: what.action,
      before,
      after,
    });
    return after;
  });
}

export const invalid = (field: string, why: Reason) => errors.invalidField(fieldIssue(field, why));

export async function exists(
  tx: Tx,
  table: 'agencies' | 'categories' | 'trades' | 'units',
  key: string,
): Promise<boolean> {
  const column = table === 'categories' || table === 'trades' ? 'code' : 'id';
  const { rows } = await tx.query(`SELECT 1 FROM ${table} WHERE ${column} = $1`, [key]);
  return rows.length > 0;
}

export const setHoliday = staffCommand('administer', runSetHoliday);
async function runSetHoliday(db: Db, actor: StaffActor, h: HolidayRow): Promise<HolidayRow> {
  return audited(db, actor, { entity: 'holiday', id: h.day, action: 'set' }, async (tx) => {
    const before = await findHoliday(tx, h.day);
    await upsertHoliday(tx, h);
    return { before, after: h };
  });
}

export const removeHoliday = staffCommand('administer', runRemoveHoliday);
async function runRemoveHoliday(db: Db, actor: StaffActor, day: string): Promise<HolidayRow> {
  return audited(db, actor, { entity: 'holiday', id: day, action: 'delete' }, async (tx) => {
    const before = await findHoliday(tx, day);
    if (!before) throw errors.notFound('calendarDay');
    await deleteHoliday(tx, day);
    return { before, after: before };
  });
}

/** The account as the audit keeps it: never the password hash. */
const publicStaff = (s: StaffRow): Omit<StaffRow, 'password_hash'> => ({
  id: s.id,
  username: s.username,
  display_name: s.display_name,
  role: s.role,
  agency_id: s.agency_id,
  unit_id: s.unit_id,
  demo: s.demo,
  active: s.active,
});

/**
 * Role, agency, unit, name or active. Deactivating (or changing what the account may do) ends its sessions
 * at once, and a `staff.changed` event tells the live feed to drop its sockets.
 */
export const changeStaff = staffCommand('administer', runChangeStaff);
async function runChangeStaff(
  db: Db,
  actor: StaffActor,
  id: string,
  c: { role?: string; agencyId?: string | null; unitId?: string | null; displayName?: string; active?: boolean },
): Promise<Omit<StaffRow, 'password_hash'>> {
  const action = c.active === false ? 'deactivate' : c.active === true ? 'activate' : 'update';
  return audited(db, actor, { entity: 'staff', id, action }, async (tx) => {
    const before = await findStaffById(tx, id);
    if (!before) throw errors.notFound('staffAccount');
    if (before.id === actor.userId && (c.active === false || (c.role && c.role !== before.role)))
      throw errors.cannotDemoteSelf();
    const next = {
      role: c.role ?? before.role,
      agencyId: c.agencyId === undefined ? before.agency_id : c.agencyId,
      unitId: c.unitId === undefined ? before.unit_id : c.unitId,
      displayName: c.displayName ?? before.display_name,
      active: c.active ?? before.active,
    };
    if (next.agencyId && !(await exists(tx, 'agencies', next.agencyId)))
      throw invalid('agencyId', reasons.unknownAgency);
    if (next.unitId && !(await exists(tx, 'units', next.unitId))) throw invalid('unitId', reasons.unknownUnit);
    if (next.role === 'agency_officer' && !next.agencyId) throw invalid('agencyId', reasons.requiredForAgencyOfficers);
    const after = await updateStaff(tx, id, next);
    const narrowed = !after.active || after.role !== before.role || after.agency_id !== before.agency_id;
    if (narrowed) {
      await endSessions(tx, id);
      await appendEvents(tx, [
        { reportId: null, kind: 'staff.changed', payload: { userId: id, active: after.active, role: after.role } },
      ]);
    }
    return { before: publicStaff(before), after: publicStaff(after) };
  });
}

export const saveUnit = staffCommand('administer', runSaveUnit);
async function runSaveUnit(
  db: Db,
  actor: StaffActor,
  u: { id: string; agencyId: string; name: string; trade: string | null },
): Promise<AdminUnitRow> {
  return audited(db, actor, { entity: 'unit', id: u.id, action: 'set' }, async (tx) => {
    if (!(await exists(tx, 'agencies', u.agencyId))) throw invalid('agencyId', reasons.unknownAgency);
    if (u.trade && !(await exists(tx, 'trades', u.trade))) throw invalid('trade', reasons.unknownTrade);
    const before = await findAdminUnit(tx, u.id);
    await upsertAdminUnit(tx, { id: u.id, agency_id: u.agencyId, name: u.name, trade: u.trade });
    return { before, after: (await findAdminUnit(tx, u.id))! };
  });
}
