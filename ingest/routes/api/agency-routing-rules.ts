// /api/v1/routing-rules: read by the desk, changed by administrators; the in-memory table reloads on change.
import Router from '@koa/router';
import { listRoutingRules } from '../../../sql/queries/agency-routing-rules.ts';
import { addRoutingRule, retireRoutingRule } from '../../commands/change-agency-routing-rules.ts';
import type { IngestState } from '../../context.ts';
import { canViewRouting } from '../../policies/agency-routing.ts';
import { endRoutingRuleSchema, newRoutingRuleSchema } from '../../schemas/agency-routing-input.ts';
import { parseOr422 } from '../../schemas/validate.ts';
import { authorize, idParam, permittedTo, requireStaff } from './guard.ts';

export const agencyRoutingRulesRouter = new Router<IngestState>({ prefix: '/api/v1/routing-rules' });

agencyRoutingRulesRouter.get('/', async (ctx) => {
  authorize(canViewRouting(requireStaff(ctx.state.actor)), 'view routing rules');
  ctx.body = { rules: await listRoutingRules(ctx.state.deps.db) };
});

agencyRoutingRulesRouter.post('/', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, addRoutingRule);
  const input = parseOr422(newRoutingRuleSchema, ctx.request.body);
  const rule = await addRoutingRule(ctx.state.deps.db, actor, input);
  await ctx.state.deps.agencyRouting.reload();
  ctx.status = 201;
  ctx.body = rule;
});

agencyRoutingRulesRouter.post('/:id/end', async (ctx) => {
  const actor = permittedTo(ctx.state.actor, retireRoutingRule);
  const { effectiveTo } = parseOr422(endRoutingRuleSchema, ctx.request.body);
  const rule = await retireRoutingRule(ctx.state.deps.db, actor, idParam(ctx), effectiveTo);
  await ctx.state.deps.agencyRouting.reload();
  ctx.body = rule;
});
