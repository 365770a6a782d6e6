// Replays to ONE resuming socket what it missed, or tells it to refetch a snapshot.
import type { Socket } from 'socket.io';
import type { Db } from '../sql/db.ts';
import { cursorOfEvent, readEventsBetween, type FeedCursor } from '../sql/queries/events.ts';
import { presentNotice } from './notices.ts';
import type { Audience, ClientToServerEvents, ServerToClientEvents } from './protocol.ts';

/** Older gaps are cheaper to close with a fresh snapshot than with a replay. */
const MAX_REPLAY_AGE_MS = 30 * 60 * 1000;

export async function replayTo(
  socket: Socket<ClientToServerEvents, ServerToClientEvents, object, { audience: Audience }>,
  db: Db,
  lastEventId: string,
  upTo: FeedCursor,
  limit: number,
): Promise<void> {
  const from = await cursorOfEvent(db, lastEventId);
  if (!from) {
    socket.emit('mustRefetch', { reason: 'unknown-cursor' });
    return;
  }
  // Live notices after `upTo` already reach the socket through its room; replay stops there so none repeats.
  const rows = await readEventsBetween(db, from, upTo, limit + 1);
  if (rows.length > limit || (rows[0] && Date.now() - rows[0].created_at.getTime() > MAX_REPLAY_AGE_MS)) {
    socket.emit('mustRefetch', { reason: 'gap-too-old' });
    return;
  }
  for (const row of rows) {
    const notice = presentNotice(row, socket.data.audience);
    if (notice) socket.emit('notice', notice);
  }
}
