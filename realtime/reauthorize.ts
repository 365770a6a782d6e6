// Authorisation is not only a connect-time check: a staff socket whose credentials no longer give the
// same actor (ticket expired, role, agency or unit changed) is told why and dropped; it reconnects as what it is now.
import type { Server } from 'socket.io';
import type { SocketActor } from './protocol.ts';
import type { FeedSocket } from './session.ts';

export const sameActor = (a: SocketActor, b: SocketActor): boolean =>
  a.audience === b.audience &&
  a.role === b.role &&
  (a.agencyId ?? null) === (b.agencyId ?? null) &&
  (a.unitId ?? null) === (b.unitId ?? null);

/** Checks every staff socket once against its handshake's credentials as they stand now. */
export async function reauthorizeAll(
  io: Server,
  authorize: (auth: { token?: string }) => SocketActor | Promise<SocketActor>,
  parse: (auth: unknown) => { token?: string },
): Promise<void> {
  for (const socket of io.of('/').sockets.values() as Iterable<FeedSocket>) {
    if (socket.data.actor.audience !== 'staff') continue;
    const now = await Promise.resolve(authorize(parse(socket.handshake.auth))).catch(() => null);
    if (now && sameActor(now, socket.data.actor)) continue;
    socket.emit('mustRefetch', { reason: 'reauthorize' });
    socket.disconnect(true);
  }
}

/** Events that take rights away: the feed re-checks every staff socket as soon as it reads one. */
export const REVOKING_KINDS: ReadonlySet<string> = new Set(['session.ended', 'staff.changed']);

/** Re-authorises every `everyMs`; returns the stop. */
export function keepReauthorizing(
  io: Server,
  authorize: (auth: { token?: string }) => SocketActor | Promise<SocketActor>,
  parse: (auth: unknown) => { token?: string },
  everyMs: number,
  onError: (error: unknown) => void,
): () => void {
  const timer = setInterval(() => void reauthorizeAll(io, authorize, parse).catch(onError), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
