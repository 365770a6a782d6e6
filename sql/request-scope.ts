// The HTTP request a piece of work runs for, carried through awaits (AsyncLocalStorage), so that an event appended
// deep inside a command records which request wrote it without every command passing the id along.
import { AsyncLocalStorage } from 'node:async_hooks';

const scope = new AsyncLocalStorage<string>();

/** Runs `work` (and everything it awaits) as part of the request `requestId`. */
export function inRequest<T>(requestId: string, work: () => T): T {
  return scope.run(requestId, work);
}

/** The request the caller runs for, or null outside any (timers, the feed, background work). */
export function currentRequestId(): string | null {
  return scope.getStore() ?? null;
}
