// Coalescing is a leading-edge throttle: a calm feed sends at once, a burst shares one frame per interval.
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { latLngToCell } from 'h3-js';
import { DEFAULT_BUFFER_LIMITS, FanOut } from './fanout.ts';
import { PUBLIC_ROOM, wireRoom } from './rooms.ts';
import type { EventRow } from '../sql/queries/events.ts';
import type { NoticeBatch } from './protocol.ts';

const COALESCE_MS = 2000; // long, so "at once" (under half of it) is a clear verdict on a loaded machine, not a speed goal
const cell = latLngToCell(19.8075, 105.7766, 12);

function event(id: number): EventRow {
  return {
    id: String(id),
    xid: String(1000 + id),
    kind: 'report.created',
    payload: {
      reportId: String(id),
      code: `TH-${id}`,
      category: 'road',
      status: 'received',
      version: 1,
      cell,
      areaCode: '14797',
      agencyId: null,
      sensitive: false,
      at: new Date().toISOString(),
    },
  };
}

describe('FanOut coalescing', () => {
  let http: HttpServer;
  let io: Server;
  let fan: FanOut;
  let client: Socket;
  const frames: { at: number; ids: string[]; upTo: string }[] = [];

  beforeAll(async () => {
    http = createServer();
    io = new Server(http);
    io.on('connection', (s) => void s.join(wireRoom(PUBLIC_ROOM, 'batch')));
    fan = new FanOut(io, () => true, DEFAULT_BUFFER_LIMITS, undefined, { xid: '0', id: '0' }, COALESCE_MS);
    await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
    client = connect(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, { transports: ['websocket'] });
    client.on('notices', (b: NoticeBatch) =>
      frames.push({ at: performance.now(), ids: b.notices.map((n) => n.reportId), upTo: b.upTo }),
    );
    await new Promise<void>((done) => {
      client.once('connect', () => done());
    });
    await new Promise((done) => setTimeout(done, 50)); // the join happens just after connect
  });
  afterAll(async () => {
    fan.stop();
    client.close();
    await new Promise<void>((done) => {
      void io.close(() => done());
    });
  });

  const cursor = (id: number) => ({ xid: String(1000 + id), id: String(id) });
  const framesAfter = async (n: number) => {
    await expect.poll(() => frames.length, { timeout: 3000, interval: 5 }).toBeGreaterThanOrEqual(n);
  };

  it('sends the first delivery after a quiet spell at once, and gathers the burst behind it into one frame', async () => {
    const sentAt = performance.now();
    fan.deliver([event(1)], cursor(1));
    await framesAfter(1);
    expect(frames[0].at - sentAt).toBeLessThan(COALESCE_MS / 2);
    fan.deliver([event(2)], cursor(2));
    fan.deliver([event(3), event(4)], cursor(4));
    await framesAfter(2);
    expect(frames[1].ids).toEqual(['2', '3', '4']);
    expect(frames[1].upTo).toBe('4');
    // Not before the interval since the previous frame; timed from before it was sent, since a loaded host can
    // hand the first frame to the client late and make the gap between arrivals look shorter than the one between sends.
    expect(frames[1].at - sentAt).toBeGreaterThanOrEqual(COALESCE_MS - 20);
  });

  it('after a quiet interval, the next delivery goes at once again', async () => {
    await new Promise((done) => setTimeout(done, COALESCE_MS + 50));
    const sentAt = performance.now();
    fan.deliver([event(5)], cursor(5));
    await framesAfter(3);
    expect(frames[2].ids).toEqual(['5']);
    expect(frames[2].at - sentAt).toBeLessThan(COALESCE_MS / 2);
  });
});
