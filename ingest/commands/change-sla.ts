// SLA deadlines per category (and per category × priority): set or remove a rule, audited in the same transaction.
import type { Db } from '../../sql/db.ts';
import { deleteSla, listSla, upsertSla, type SlaKey, type SlaRow } from '../../sql/queries/admin-settings.ts';
import { errors, reasons } from '../../domain/errors.ts';
import type { StaffActor } from '../policies/roles.ts';
import { audited, exists, invalid } from './admin-changes.ts';
import { staffCommand } from './command.ts';

export interface SlaChange {
  responseAmount: number;
  responseUnit: string;
  resolutionAmount: number;
  resolutionUnit: string;
  /** The category's default priority (only on the category's own rule). */
  priority?: number;
}

/** The audit id of a rule: the category, with the priority it is for. */
const auditId = (k: SlaKey) => (k.for_priority === null ? k.category : `${k.category}:p${k.for_priority}`);

export const changeSla = staffCommand('administer', runChangeSla);
async function runChangeSla(db: Db, actor: StaffActor, key: SlaKey, s: SlaChange): Promise<SlaRow> {
  return audited(db, actor, { entity: 'sla', id: auditId(key), action: 'set' }, async (tx) => {
    if (key.category !== '*' && !(await exists(tx, 'categories', key.category)))
      throw invalid('category', reasons.unknownCategory);
    if (key.for_priority !== null && s.priority !== undefined)
      throw invalid('priority', reasons.defaultPriorityOnCategory);
    const [before] = await listSla(tx, key);
    await upsertSla(
      tx,
      {
        ...key,
        response_amount: s.responseAmount,
        response_unit: s.responseUnit,
        resolution_amount: s.resolutionAmount,
        resolution_unit: s.resolutionUnit,
      },
      key.category === '*' || key.for_priority !== null ? null : (s.priority ?? null),
    );
    return { before: before ?? null, after: (await listSla(tx, key))[0] };
  });
}

/** Removes a category × priority rule: reports of that priority fall back to the category's rule. */
export const removeSla = staffCommand('administer', runRemoveSla);
async function runRemoveSla(db: Db, actor: StaffActor, key: SlaKey & { for_priority: number }): Promise<null> {
  return audited(db, actor, { entity: 'sla', id: auditId(key), action: 'delete' }, async (tx) => {
    const [before] = await listSla(tx, key);
    if (!before) throw errors.notFound('priorityDeadline');
    await deleteSla(tx, key);
    return { before, after: null };
  });
}
