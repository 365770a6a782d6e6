// Every string a caller sends (JSON body and query) is cleaned once, before any route sees it: whatever route is
// added later, NUL or a lone surrogate is a 422 naming the field, and stored text is NFC without control characters.
import type { Context, Next } from 'koa';
import { errors } from '../../domain/errors.ts';
import { cleanDeep, type TextIssue } from './clean-text.ts';

function refuse(issues: TextIssue[]): never {
  throw errors.forbiddenCharacters(issues);
}

export async function cleanTextMiddleware(ctx: Context, next: Next): Promise<void> {
  if (ctx.querystring) {
    const issues: TextIssue[] = [];
    const query = cleanDeep({ ...ctx.query }, [], issues) as Record<string, string | string[]>;
    if (issues.length) refuse(issues);
    ctx.query = query;
  }
  const request = ctx.request as typeof ctx.request & { body?: unknown };
  if (request.body !== undefined) {
    const issues: TextIssue[] = [];
    const body = cleanDeep(request.body, [], issues);
    if (issues.length) refuse(issues);
    request.body = body;
  }
  await next();
}
