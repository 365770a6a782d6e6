// Socket.IO subscription: batched notices to the reducer; every (re)connect resumes from the last applied position.
import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  HandshakeAuth,
  ServerToClientEvents,
  WatchRequest,
} from '../../realtime/protocol.ts';
import type { Audience, ConnectionState, ReportNotice } from './types.ts';
import { ALERT_BELL } from '../alerts/use-active-alerts.ts';
import { HOTSPOT_BELL } from '../wall/hotspot-list.ts';

export interface LiveOptions {
  token: string | null;
  /** Start only once the snapshot is in, so the handshake can resume from its lastEventId. */
  enabled: boolean;
  lastEventId: () => string | null;
  /** One server batch: its notices in feed order, and the position it completes. */
  onNotices: (notices: ReportNotice[], upTo: string) => void;
  onMustRefetch: () => void;
  onHello?: (audience: Audience) => void;
  /** A public map's viewport [w, s, e, n]: alerts are heard only where it looks (report notices stay province-wide). */
  alertView?: [number, number, number, number] | null;
}

/** What the server is asked to watch for a viewport: alerts only, the box clamped to valid degrees. */
function alertWatch(box: [number, number, number, number] | null | undefined): WatchRequest | null {
  if (!box) return null;
  const [w, s, e, n] = [Math.max(-180, box[0]), Math.max(-90, box[1]), Math.min(180, box[2]), Math.min(90, box[3])];
  return w < e && s < n ? { bbox: [w, s, e, n], alertsOnly: true } : null;
}

/** Marks the view the server confirmed (browser tests wait for it before publishing). */
function markWatched(watch: WatchRequest | null): void {
  if (watch?.bbox) document.documentElement.dataset.alertView = watch.bbox.map((x) => x.toFixed(4)).join(',');
}

export function useLiveNotices(opts: LiveOptions): ConnectionState {
  const [state, setState] = useState<ConnectionState>('connecting');
  const latest = useRef(opts);
  latest.current = opts;
  const live = useRef<Socket<ServerToClientEvents, ClientToServerEvents> | null>(null);

  useEffect(() => {
    if (!opts.enabled) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      transports: ['websocket', 'polling'],
      // A function, so every reconnect handshake carries the newest applied position: the server replays
      // from it (no separate 'resume' needed). Batches: one frame per delivery, not one per event.
      auth: (cb) => {
        const auth: HandshakeAuth = { batch: true };
        if (latest.current.token) auth.token = latest.current.token;
        const last = latest.current.lastEventId();
        if (last) auth.lastEventId = last;
        const watch = alertWatch(latest.current.alertView);
        if (watch) auth.watch = watch;
        cb(auth);
      },
    });
    // Official alerts: the screens' alert hooks apply each notice at once and reload the active list; they reload
    // it after every (re)connect too (a resume replays the alerts it missed, a refetching socket only has the list).
    const ringAlerts = () => window.dispatchEvent(new Event(ALERT_BELL));
    socket.on('connect', () => {
      setState('live');
      markWatched(alertWatch(latest.current.alertView)); // the handshake carried it
      ringAlerts();
    });
    socket.on('alert', (notice) => window.dispatchEvent(new CustomEvent(ALERT_BELL, { detail: notice })));
    // Hot spots (staff rooms only): the wall's list applies each notice instead of asking the API again.
    socket.on('hotspot', (n) => window.dispatchEvent(new CustomEvent(HOTSPOT_BELL, { detail: n })));
    socket.on('hello', (h) => latest.current.onHello?.(h.audience));
    socket.on('notices', (b) => latest.current.onNotices(b.notices, b.upTo));
    socket.on('mustRefetch', () => {
      latest.current.onMustRefetch();
      ringAlerts(); // the gap it could not replay may hold alerts too
    });
    socket.on('disconnect', (reason) => setState(reason === 'io client disconnect' ? 'offline' : 'reconnecting'));
    socket.on('connect_error', () => setState(socket.active ? 'reconnecting' : 'offline'));
    socket.io.on('reconnect_failed', () => setState('offline'));
    const offline = () => setState('offline');
    const online = () => {
      setState('reconnecting');
      if (!socket.connected) socket.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    live.current = socket;
    return () => {
      live.current = null;
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
    };
  }, [opts.enabled, opts.token]);

  // A pan or zoom: watch the new view on the open socket (a socket still connecting sends it in its handshake).
  const watchKey = alertWatch(opts.alertView)?.bbox?.join(',') ?? '';
  useEffect(() => {
    const socket = live.current;
    const request = alertWatch(latest.current.alertView);
    if (!socket?.connected || !request) return;
    socket.emit('watch', request, (result) => {
      if (result.ok) markWatched(request);
    });
  }, [watchKey]);

  return state;
}
