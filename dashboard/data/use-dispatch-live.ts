// The console's live feed: report notices (any change -> refetch what is shown) and unit notices (move markers).
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../realtime/protocol.ts';
import type { ConnectionState, ReportNotice } from './types.ts';
import type { UnitNotice } from './dispatch-types.ts';

export interface DispatchLiveOptions {
  /** Signed ticket from GET /api/v1/auth/session (the session cookie itself is httpOnly). */
  token: string | null;
  onReport: (n: ReportNotice) => void;
  onUnit: (n: UnitNotice) => void;
  /** Called after every (re)connect: whatever was missed is fetched again. */
  onResync: () => void;
  /** The server no longer recognises this socket's ticket (expired, account changed): fetch the session again. */
  onReauthorize?: () => void;
}

export function useDispatchLive(opts: DispatchLiveOptions): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connecting');
  const latest = useRef(opts);
  latest.current = opts;
  useEffect(() => {
    if (!opts.token) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      auth: { token: opts.token, batch: true },
    });
    socket.on('connect', () => {
      setState('live');
      latest.current.onResync();
    });
    socket.on('notices', (b) => b.notices.forEach((n) => latest.current.onReport(n)));
    socket.on('unit', (n) => latest.current.onUnit(n));
    socket.on('mustRefetch', (m) =>
      m?.reason === 'reauthorize' ? latest.current.onReauthorize?.() : latest.current.onResync(),
    );
    socket.on('disconnect', () => setState('reconnecting'));
    socket.on('connect_error', () => setState(socket.active ? 'reconnecting' : 'offline'));
    return () => {
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [opts.token]);
  return state;
}
