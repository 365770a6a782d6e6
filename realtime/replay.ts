// Brings ONE resuming socket up to the live feed without a gap or a repeat. The socket is out of every
// room while it replays from the log; it joins its room in the same tick as the check that it has
// reached the tailer's position, so each event is either replayed or broadcast to it, never both.
import type { Db } from '../sql/db.ts';
import { compareCursors, readEventsBetween, type EventRow, type FeedCursor } from '../sql/queries/events.ts';
import type { MustRefetch } from './protocol.ts';

export interface ReplayLimits {
  /** More missed events than this: a snapshot is cheaper than a replay. */
  maxEvents: number;
  /** A gap that started longer ago than this: refetch. */
  maxAgeMs: number;
  /** Chasing a fast-moving head (or waiting for this tailer to reach a cursor another server gave) stops here. */
  deadlineMs: number;
}

export const DEFAULT_REPLAY_LIMITS: ReplayLimits = { maxEvents: 5000, maxAgeMs: 30 * 60 * 1000, deadlineMs: 5000 };

export type CatchUpResult = 'live' | 'gone' | MustRefetch['reason'];

export interface CatchUp {
  db: Db;
  /** Where live broadcasting stands now (the tailer's position): read synchronously before joining. */
  position(): FeedCursor;
  send(rows: EventRow[], upTo: FeedCursor): void;
  join(at: FeedCursor): void;
  gone(): boolean;
  limits: ReplayLimits;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Replays (from, head] in rounds until the head stops moving between a read and the join. */
export async function catchUp(from: FeedCursor, c: CatchUp): Promise<CatchUpResult> {
  const started = Date.now();
  let sent = 0;
  for (;;) {
    if (c.gone()) return 'gone';
    const to = c.position();
    const order = compareCursors(from, to);
    if (order === 0) {
      c.join(to); // no await since position() was read: the next broadcast includes this socket
      return 'live';
    }
    if (Date.now() - started > c.limits.deadlineMs) return 'gap-too-old';
    if (order > 0) {
      // The client is ahead of this server (another realtime process fed it): wait for our tailer to pass it.
      await sleep(20);
      continue;
    }
    const rows = await readEventsBetween(c.db, from, to, c.limits.maxEvents - sent + 1);
    if (c.gone()) return 'gone';
    if (sent + rows.length > c.limits.maxEvents) return 'gap-too-old';
    if (sent === 0 && rows[0] && Date.now() - rows[0].created_at.getTime() > c.limits.maxAgeMs) return 'gap-too-old';
    if (rows.length) c.send(rows, to);
    sent += rows.length;
    from = to;
  }
}

/** For a socket already live since `liveFrom`: what it missed before that, (from, liveFrom], once. */
export async function fillBefore(
  db: Db,
  from: FeedCursor,
  liveFrom: FeedCursor,
  limits: ReplayLimits,
): Promise<EventRow[] | null> {
  if (compareCursors(from, liveFrom) >= 0) return [];
  const rows = await readEventsBetween(db, from, liveFrom, limits.maxEvents + 1);
  if (rows.length > limits.maxEvents) return null;
  if (rows[0] && Date.now() - rows[0].created_at.getTime() > limits.maxAgeMs) return null;
  return rows;
}
