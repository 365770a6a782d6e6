// The feed's own Prometheus figures, kept in the feed process and read by the main process's /metrics over IPC:
// lag from an event's write to its emit, connected sockets per audience, events emitted, slow sockets cut off.
import client from 'prom-client';
import type { Server } from 'socket.io';
import type { EventRow } from '../sql/queries/events.ts';
import type { FanOut } from './fanout.ts';
import type { FeedState } from './session.ts';

type AnyServer = Server<any, any, any, FeedState>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** How /metrics names who a socket belongs to: a wall, a field unit's phone or officer, other staff, the public. */
export type SocketAudience = 'public' | 'staff' | 'wall' | 'unit';
const AUDIENCES: readonly SocketAudience[] = ['public', 'staff', 'wall', 'unit'];

export function socketAudience(actor: FeedState['actor'] | undefined): SocketAudience {
  if (!actor || actor.audience === 'public') return 'public';
  if (actor.role === 'wall_viewer') return 'wall';
  return actor.unitId ? 'unit' : 'staff';
}

/** Registers the feed's metrics on `registry`; returns what to call with each emitted batch. */
export function registerFeedMetrics(registry: client.Registry, io: AnyServer, fanOut: FanOut) {
  client.collectDefaultMetrics({ register: registry, prefix: 'hientruong_feed_' });
  const lag = new client.Histogram({
    name: 'hientruong_feed_lag_seconds',
    help: "From an event's write (its transaction's time) to its emit to the rooms",
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const emitted = new client.Counter({
    name: 'hientruong_feed_events_emitted_total',
    help: 'Events of the log handed to the rooms',
    registers: [registry],
  });
  new client.Gauge({
    name: 'hientruong_feed_sockets',
    help: 'Connected sockets per audience',
    labelNames: ['audience'] as const,
    registers: [registry],
    collect() {
      const counts = new Map<SocketAudience, number>(AUDIENCES.map((a) => [a, 0]));
      for (const socket of io.of('/').sockets.values()) {
        const audience = socketAudience((socket.data as Partial<FeedState> | undefined)?.actor);
        counts.set(audience, counts.get(audience)! + 1);
      }
      for (const [audience, n] of counts) this.set({ audience }, n);
    },
  });
  new client.Gauge({
    name: 'hientruong_feed_overflows',
    help: 'Slow sockets whose queued frames were dropped since the feed process started',
    registers: [registry],
    collect() {
      this.set(fanOut.overflows);
    },
  });
  return (events: EventRow[]) => {
    emitted.inc(events.length);
    const now = Date.now();
    for (const e of events) if (e.created_at) lag.observe(Math.max(0, now - e.created_at.getTime()) / 1000);
  };
}
