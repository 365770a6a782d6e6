// The HTTP request a piece of work runs for, carried by the pool handle the request's code is given: a view of the
// pool whose transactions are stamped with the request's id, so an event appended deep inside a command records
// which request wrote it without every command passing the id along. (AsyncLocalStorage did this before; on Node 20
// its promise hooks taxed every await of the process: 5-10 µs of a report's ~150 µs of intake CPU.)
import type { Db } from './db.ts';

const REQUEST_ID = Symbol('request id');

/** The pool as the request `requestId` uses it: the same connections, its transactions stamped with the id. */
export function poolForRequest(db: Db, requestId: string): Db {
  return new Proxy(db, {
    get(pool, key) {
      if (key === REQUEST_ID) return requestId;
      const value: unknown = Reflect.get(pool, key, pool);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(pool) : value;
    },
  });
}

/** The request a pool handle works for (poolForRequest), or null (timers, the feed, background work). */
export function requestIdOf(db: Db): string | null {
  return (db as unknown as Record<symbol, string | undefined>)[REQUEST_ID] ?? null;
}
