// Adding or ending a routing rule: one transaction that also logs the change in the event log.
import { withTransaction, type Db } from '../../sql/db.ts';
import { appendEvents } from '../../sql/queries/events.ts';
import { appendAudit } from '../../sql/queries/admin-audit.ts';
import {
  endRoutingRule,
  insertRoutingRule,
  knownRuleTargets,
  type StoredRoutingRule,
} from '../../sql/queries/agency-routing-rules.ts';
import { errors, fieldIssue, reasons } from '../../domain/errors.ts';
import type { StaffActor } from '../policies/roles.ts';
import type { NewRoutingRuleInput } from '../schemas/agency-routing-input.ts';
import { staffCommand } from './command.ts';

const by = (actor: StaffActor) => ({ userId: actor.userId, name: actor.name });
const auditBy = (actor: StaffActor) => ({ actorId: actor.userId, actorName: actor.name });

export const addRoutingRule = staffCommand('manage_routing', runAddRoutingRule);
async function runAddRoutingRule(db: Db, actor: StaffActor, input: NewRoutingRuleInput): Promise<StoredRoutingRule> {
  return withTransaction(db, async (tx) => {
    const known = await knownRuleTargets(tx, input.agencyId, input.category);
    const fields = [
      ...(known.agency ? [] : [fieldIssue('agencyId', reasons.unknownAgencyNamed(input.agencyId))]),
      ...(input.category && !known.category
        ? [fieldIssue('category', reasons.unknownCategoryNamed(input.category))]
        : []),
    ];
    if (fields.length) throw errors.invalid(fields);
    const rule = await insertRoutingRule(tx, { ...input, effectiveTo: null });
    await appendEvents(tx, [{ reportId: null, kind: 'routing.added', payload: { rule, by: by(actor) } }]);
    await appendAudit(tx, {
      ...auditBy(actor),
      entity: 'routing_rule',
      entityId: rule.id,
      action: 'add',
      before: null,
      after: rule,
    });
    return rule;
  });
}

export const retireRoutingRule = staffCommand('manage_routing', runRetireRoutingRule);
async function runRetireRoutingRule(
  db: Db,
  actor: StaffActor,
  id: string,
  effectiveTo: string,
): Promise<StoredRoutingRule> {
  return withTransaction(db, async (tx) => {
    const rule = await endRoutingRule(tx, id, effectiveTo);
    if (!rule) {
      throw errors.cannotEndRule({ id, effectiveTo });
    }
    await appendEvents(tx, [{ reportId: null, kind: 'routing.ended', payload: { rule, by: by(actor) } }]);
    await appendAudit(tx, {
      ...auditBy(actor),
      entity: 'routing_rule',
      entityId: rule.id,
      action: 'end',
      before: { ...rule, effectiveTo: null },
      after: rule,
    });
    return rule;
  });
}
