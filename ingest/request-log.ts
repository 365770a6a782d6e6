// One id per HTTP request (a sane incoming X-Request-Id, or a new one), echoed in the response, put on every
// event the request writes (app.ts hands the request a pool view: sql/request-scope.ts), and on its access log line.
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { Logger } from 'pino';

const REQUEST_ID = 'X-Request-Id';
/** What a proxy or client may set: short, printable, no spaces, so it cannot forge or break a log line. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdOf(ctx: Context): string {
  const given = ctx.get(REQUEST_ID);
  return SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

export function requestLog(logger: Logger) {
  return async (ctx: Context & { state: { requestId?: string } }, next: Next): Promise<void> => {
    const requestId = requestIdOf(ctx);
    ctx.state.requestId = requestId;
    ctx.set(REQUEST_ID, requestId);
    const started = performance.now();
    try {
      await next();
    } finally {
      if (!ctx.headerSent) ctx.set(REQUEST_ID, requestId); // Koa's own error answer clears the headers set before
      // The path only: query strings can carry search terms and tracking secrets.
      logger.info(
        {
          reqId: requestId,
          method: ctx.method,
          path: ctx.path,
          status: ctx.status,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        'http',
      );
    }
  };
}
