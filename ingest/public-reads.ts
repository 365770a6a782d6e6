// Anonymous reads cannot starve the write path: each address gets a budget of reads (counted in Postgres, so every
// server shares it; an address over budget is then refused from memory, costing the database nothing), and the reads
// run on their own small pool with a statement timeout (sql/db.ts createPublicReadPool).
import type { Context, Next } from 'koa';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../sql/db.ts';
import type { IngestDeps, IngestState } from './context.ts';
import { errors } from '../domain/errors.ts';

export interface PublicReadLimit {
  /** Reads per address per window; a public map page asks for ~10 at load and ~1 a second while open. */
  points: number;
  windowS: number;
}

export const DEFAULT_PUBLIC_READ_LIMIT: PublicReadLimit = { points: 300, windowS: 10 };

/** The pool a read runs on: anonymous callers get the public read pool when there is one. */
export const readDbFor = (state: Pick<IngestState, 'actor' | 'deps'>): Db =>
  state.actor.kind === 'public' ? (state.deps.publicDb ?? state.deps.db) : state.deps.db;

const READ_PATHS = /^\/(api|open311)\//;

export function publicReadLimiter(deps: Pick<IngestDeps, 'db' | 'publicReadLimit'>) {
  const limit = deps.publicReadLimit ?? DEFAULT_PUBLIC_READ_LIMIT;
  const limiter = new RateLimiterPostgres({
    storeClient: deps.db,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: false,
    keyPrefix: 'public-read',
    points: limit.points,
    duration: limit.windowS,
    // Past its budget an address is refused in memory until the window ends: a flood costs no queries.
    inMemoryBlockOnConsumed: limit.points,
    inMemoryBlockDuration: limit.windowS,
  });
  return async (ctx: Context & { state: IngestState }, next: Next): Promise<void> => {
    if (
      (ctx.method === 'GET' || ctx.method === 'HEAD') &&
      ctx.state.actor.kind === 'public' &&
      READ_PATHS.test(ctx.path)
    ) {
      const charge = async (points: number) => {
        if (points <= 0) return;
        try {
          await limiter.consume(ctx.ip, points);
        } catch (e) {
          if (!(e instanceof RateLimiterRes)) throw e;
          const retryAfterS = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
          throw errors.tooManyReads(retryAfterS);
        }
      };
      await charge(1);
      // An expensive answer (a fine viewport of /cells) charges more once it knows its size.
      ctx.state.chargeRead = charge;
    }
    await next();
  };
}
