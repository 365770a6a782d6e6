// Rooms encode the audience. The server alone assigns them, from the checked actor.
import type { Audience } from './protocol.ts';

export const STAFF_ROOM = 'staff';
export const PUBLIC_ROOM = 'public';

/** The room an audience's notices go to. */
export function roomFor(audience: Audience): string {
  return audience === 'staff' ? STAFF_ROOM : PUBLIC_ROOM;
}

/** Whether an actor of `audience` may be in `room`: the public never joins a staff room. */
export function canJoin(audience: Audience, room: string): boolean {
  if (room === PUBLIC_ROOM || room.startsWith('public:')) return true;
  return audience === 'staff' && (room === STAFF_ROOM || room.startsWith('staff:'));
}
