// The Socket.IO handshake: its `auth` payload parsed with zod (leniently: a field of the wrong type is
// ignored, as a client that sends none), the actor authorised, and the socket's first room assigned.
import { z } from 'zod';
import { errorBody, errorLines, errors, type DomainError } from '../domain/errors.ts';
import type { HandshakeAuth, SocketActor, SocketError } from './protocol.ts';
import { canJoin, parseWatch, refused, roomsFor } from './rooms.ts';
import { viewCells } from './alert-delivery.ts';
import type { FeedState } from './session.ts';

const EVENT_ID = /^\d{1,18}$/;
export const isEventId = (v: unknown): v is string => typeof v === 'string' && EVENT_ID.test(v);

const handshakeSchema = z
  .object({
    token: z.string().optional().catch(undefined),
    /** An event id; anything else means "start live". */
    lastEventId: z.string().regex(EVENT_ID).optional().catch(undefined),
    batch: z.boolean().optional().catch(undefined),
    /** Checked by roomsFor, which names what is wrong with it. */
    watch: z.unknown().optional(),
  })
  .catch({});

export type ParsedHandshake = Omit<HandshakeAuth, 'watch'> & { watch?: unknown };

export function parseHandshake(auth: unknown): ParsedHandshake {
  return handshakeSchema.parse(auth ?? {});
}

/** The socket's state at connect, or why it is refused (the error the client's connect_error carries). */
export async function admit(
  auth: unknown,
  authorize: (auth: { token?: string }) => SocketActor | Promise<SocketActor>,
): Promise<{ ok: true; state: FeedState } | { ok: false; error: SocketError }> {
  const handshake = parseHandshake(auth);
  const actor = await authorize(handshake);
  const assigned = roomsFor(actor, handshake.watch);
  if (!assigned.ok) return assigned;
  if (!canJoin(actor, assigned.rooms[0])) return refused(errors.forbidden('this room'));
  // roomsFor accepted it, so it parses; public sockets also match alerts by their view (alert-delivery.ts).
  const watch = actor.audience === 'public' && handshake.watch != null ? parseWatch(handshake.watch) : null;
  return {
    ok: true,
    state: {
      actor,
      format: handshake.batch === true ? 'batch' : 'single',
      room: assigned.rooms[0],
      view: watch?.ok ? viewCells(watch.watch) : null,
      live: false,
      coveredFrom: null,
      chain: Promise.resolve(),
      overflows: 0,
    },
  };
}

/** The error a refused handshake ends with: its words as one text (Vietnamese / English), the whole error as `data`. */
export function handshakeRefusal(why: SocketError | DomainError): Error & { data: SocketError } {
  const error = why instanceof Error ? errorBody(why).error : why;
  return Object.assign(new Error(errorLines(error).join('; ')), { data: error });
}
