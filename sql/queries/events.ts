// The append-only event log and the commit-safe reads the change feed is built on.
import type { NewEvent } from '../../domain/events.ts';
import { markFeedChanged, type Db, type Tx } from '../db.ts';

/** What the feed needs of an event: its position, its kind and what it carries. */
export interface EventRow {
  id: string;
  xid: string;
  kind: string;
  payload: Record<string, unknown>;
  /** When it was written (its transaction's time), read by the tail: the feed's lag is measured from it. */
  created_at?: Date;
  /** The HTTP request that wrote it (X-Request-Id), read by the tail for the feed's log lines. */
  request_id?: string | null;
}

/** An event to append; `requestId` undefined means the request whose transaction it is (sql/request-scope.ts). */
export type EventToAppend = NewEvent & { requestId?: string | null };

/** An event read for a replay, which also asks how old the gap is. */
export interface LoggedEventRow extends EventRow {
  created_at: Date;
}

/** A position in the feed's total order: (transaction id, event id). */
export interface FeedCursor {
  xid: string;
  id: string;
}

/** Orders two feed positions: negative when `a` comes first. */
export function compareCursors(a: FeedCursor, b: FeedCursor): number {
  const x = BigInt(a.xid) - BigInt(b.xid);
  if (x !== 0n) return x < 0n ? -1 : 1;
  const i = BigInt(a.id) - BigInt(b.id);
  return i === 0n ? 0 : i < 0n ? -1 : 1;
}

/** The request an event records: the one named, or (undefined) the request whose transaction `tx` is. */
export const requestIdOfEvent = (tx: Tx, named: string | null | undefined): string | null =>
  named === undefined ? (tx.requestId ?? null) : named;

/** Appends in `tx`, which must be a withTransaction's (refused otherwise): its commit rings the feed's doorbell. */
export async function appendEvents(tx: Tx, events: EventToAppend[]): Promise<void> {
  if (events.length === 0) return;
  markFeedChanged(tx);
  await tx.query({
    name: 'append-events',
    text: `INSERT INTO events (report_id, kind, payload, request_id)
     SELECT r, k, p, q FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::text[]) WITH ORDINALITY AS t(r, k, p, q, ord)
     ORDER BY ord`,
    values: [
      events.map((e) => e.reportId),
      events.map((e) => e.kind),
      events.map((e) => JSON.stringify(e.payload)),
      events.map((e) => requestIdOfEvent(tx, e.requestId)),
    ],
  });
}

// Sort by the table's columns (events.xid), never the output alias: `xid::text AS xid` would sort as
// text, and '1000' < '999' put a later transaction first the day xids gain a digit.

/** One read of the tail: the settled events, and whether committed events wait behind them. */
export interface SettledRead {
  rows: EventRow[];
  /**
   * Committed events wait after the settled ones, held back by an older, still open transaction. The
   * reader must look again soon: that transaction may end without a doorbell (a rollback, or no event).
   */
  heldBack: boolean;
}

/**
 * Events after `cursor` whose transaction is older than every transaction still running.
 * Those transactions have ended, so no row can still appear before the returned ones: reading
 * in (xid, id) order below the snapshot's xmin never skips a late commit.
 * One statement, so one snapshot: the second branch looks for a committed row at or above that xmin,
 * a held-back one, and stops at the first (a long transaction must not make every recheck re-read them all).
 * It needs no cursor bound: every delivered row was below an earlier xmin, and xmin never goes back. (With
 * the cursor bound too, the index scan started at the cursor: a catch-up read walked the whole rest of the log.)
 */
export async function readSettledEvents(db: Db, cursor: FeedCursor, limit: number): Promise<SettledRead> {
  // Named: planned once per connection, not on every read of a surge.
  const { rows } = await db.query<EventRow & { settled: boolean }>({
    name: 'feed-read-tail',
    text: READ_TAIL_SQL,
    values: [cursor.xid, cursor.id, limit],
  });
  const heldBack = rows.length > 0 && !rows[rows.length - 1].settled;
  if (heldBack) rows.length -= 1;
  return { rows, heldBack }; // each row keeps its `settled` flag: deleting a field would slow every later read of the row
}

export const READ_TAIL_SQL = `
  (SELECT id, xid::text AS xid, kind, payload, created_at, request_id, true AS settled FROM events
    WHERE (xid, id) > ($1::xid8, $2::bigint) AND xid < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY events.xid, events.id LIMIT $3)
  UNION ALL
  (SELECT id, xid::text AS xid, kind, NULL AS payload, NULL AS created_at, NULL AS request_id, false AS settled FROM events
    WHERE xid >= pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY events.xid, events.id LIMIT 1)`;

/** Where a feed that starts now begins: after every settled event. */
export async function settledHead(db: Db | Tx): Promise<FeedCursor> {
  const { rows } = await db.query<{ xid: string | null; id: string | null }>(
    `SELECT xid::text AS xid, id::text AS id FROM events WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
      ORDER BY events.xid DESC, events.id DESC LIMIT 1`,
  );
  return rows[0]?.xid ? { xid: rows[0].xid, id: rows[0].id! } : { xid: '0', id: '0' };
}

export async function cursorOfEvent(db: Db, eventId: string): Promise<FeedCursor | null> {
  const { rows } = await db.query<{ xid: string }>('SELECT xid::text AS xid FROM events WHERE id = $1', [eventId]);
  return rows[0] ? { xid: rows[0].xid, id: eventId } : null;
}

/** Events strictly after `from` up to and including `to`, for replaying to one resuming client. */
export async function readEventsBetween(
  db: Db,
  from: FeedCursor,
  to: FeedCursor,
  limit: number,
): Promise<LoggedEventRow[]> {
  const { rows } = await db.query<LoggedEventRow>(
    `SELECT id, xid::text AS xid, kind, payload, created_at FROM events
      WHERE (xid, id) > ($1::xid8, $2::bigint) AND (xid, id) <= ($3::xid8, $4::bigint)
      ORDER BY events.xid, events.id LIMIT $5`,
    [from.xid, from.id, to.xid, to.id, limit],
  );
  return rows;
}
