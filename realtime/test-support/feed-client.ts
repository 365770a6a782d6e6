// A socket.io-client that records every notice, for tests and benches.
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, HelloMessage, ReportNotice, ServerToClientEvents } from '../protocol.ts';

export interface RecordingClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  notices: ReportNotice[];
  hello: Promise<HelloMessage>;
  waitFor(predicate: (n: ReportNotice[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): void;
}

export function recordingClient(url: string, auth: { token?: string; lastEventId?: string } = {}): RecordingClient {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { transports: ['websocket'], auth, forceNew: true });
  const notices: ReportNotice[] = [];
  socket.on('notice', (n) => notices.push(n));
  const hello = new Promise<HelloMessage>((done) => socket.once('hello', done));
  return {
    socket,
    notices,
    hello,
    waitFor: (predicate, timeoutMs = 5000) => new Promise((done, fail) => {
      const started = Date.now();
      const check = () => {
        if (predicate(notices)) return done();
        if (Date.now() - started > timeoutMs) return fail(new Error(`timed out with ${notices.length} notices`));
        setTimeout(check, 10);
      };
      check();
    }),
    close: () => socket.close(),
  };
}
