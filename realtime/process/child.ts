// The feed process's side of feed-process.ts: takes the connections the main process hands over, serves
// proxied long-polling on a loopback port, and shuts down when told to or when the main process is gone.
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { DestinationStream, Logger } from 'pino';
import type { FromFeedProcess, ToFeedProcess } from './messages.ts';

export interface FeedChild {
  /** Not listening: the child listens on loopback itself and feeds handed connections into it. */
  http: HttpServer;
  /** Its Prometheus metrics as JSON (prom-client), for the main process's /metrics. */
  metrics?(): Promise<object[]>;
  close(): Promise<void>;
}

/**
 * `makeLogger` builds the product's logger (main.ts) on a destination given here: each JSON line goes to the
 * main process, which writes it through its own logger, so one stream holds both processes' lines.
 */
export function runFeedChild<Config>(
  start: (config: Config, logger: Logger) => Promise<FeedChild>,
  makeLogger: (destination: DestinationStream) => Logger,
): void {
  const tell = (message: FromFeedProcess) => {
    // With a callback a failed send (EPIPE: the main process went away meanwhile) is not an 'error' that kills us.
    if (process.connected) process.send?.(message, undefined, {}, () => {});
  }; // after a disconnect, nobody is listening
  const logger = makeLogger({ write: (line: string) => tell({ type: 'log', line }) });
  let feed: FeedChild | null = null;

  const stop = async (code: number) => {
    try {
      await feed?.close();
      feed?.http.closeAllConnections();
    } finally {
      process.exit(code);
    }
  };

  const begin = async (config: Config) => {
    try {
      feed = await start(config, logger);
      const http = feed.http;
      await new Promise<void>((done) => http.listen(0, '127.0.0.1', done));
      tell({ type: 'ready', port: (http.address() as AddressInfo).port });
    } catch (e) {
      tell({ type: 'failed', message: (e as Error).message ?? String(e) });
      process.exit(1);
    }
  };

  // As if the connection had come to this process: the HTTP parser reads the request from the bytes sent.
  const accept = (socket: Socket, raw: string) => {
    if (!feed) return void socket.destroy();
    feed.http.emit('connection', socket);
    socket.emit('data', Buffer.from(raw, 'base64'));
    socket.resume();
  };

  process.on('message', (message: ToFeedProcess<Config>, handle?: unknown) => {
    if (message.type === 'start') void begin(message.config);
    else if (message.type === 'upgrade' && handle) accept(handle as Socket, message.raw);
    else if (message.type === 'stop') void stop(0);
    else if (message.type === 'metrics')
      void (feed?.metrics?.() ?? Promise.resolve([])).then(
        (metrics) => tell({ type: 'metrics', id: message.id, metrics }),
        () => tell({ type: 'metrics', id: message.id, metrics: [] }),
      );
  });
  // Without the main process nobody can hand this one connections: leave instead of lingering.
  process.on('disconnect', () => void stop(0));
  // Ctrl-C and a service manager signal the whole process group; the main process stops this one in order.
  process.on('SIGINT', () => {});
  process.on('SIGTERM', () => {});
}
