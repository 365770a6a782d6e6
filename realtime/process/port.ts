// The product's one HTTP server when the feed runs in its own process: Socket.IO traffic goes to the feed
// process (feed-process.ts), everything else to the app.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody, errors } from '../../domain/errors.ts';
import type { FeedProcess } from './feed-process.ts';

export interface SharedPort {
  http: Server;
  /**
   * Starts shutting down: from now on every new request gets a 503 with Retry-After (a load balancer moves on, a
   * client retries elsewhere) instead of a reset connection, while the requests in flight finish.
   */
  drain(): void;
  /** Drains, lets requests in flight finish for up to `graceMs`, then stops listening and closes every connection. */
  close(graceMs?: number): Promise<void>;
}

const SHUTTING_DOWN = JSON.stringify(errorBody(errors.shuttingDown()));

export function serveWithFeed(handleApp: RequestListener, feed: FeedProcess | null): SharedPort {
  let inFlight = 0;
  let draining = false;
  const http = createServer((req, res) => {
    if (draining) {
      res.writeHead(503, {
        'content-type': 'application/json; charset=utf-8',
        'retry-after': '1',
        connection: 'close',
      });
      res.end(SHUTTING_DOWN);
      return;
    }
    inFlight++;
    res.once('close', () => inFlight--);
    if (feed?.owns(req)) feed.proxy(req, res);
    else handleApp(req, res);
  });
  if (feed) http.on('upgrade', (req, socket, head) => feed.upgrade(req, socket as Socket, head));

  // Idle keep-alive connections stay open: closing one just as a client reuses it is a reset. Each gets a 503
  // with Connection: close on its next request instead, and the rest close with the server.
  const drain = () => {
    draining = true;
  };
  return {
    http,
    drain,
    // Not http.close(cb): once a server has handed a connection to a child process that has since exited,
    // Node waits for that child's count of connections forever, and the callback never comes.
    // Listening goes on while draining, so connections queued in the kernel get their 503 rather than a reset.
    close: async (graceMs = 5000) => {
      drain();
      for (const started = Date.now(); inFlight > 0 && Date.now() - started < graceMs;)
        await new Promise((r) => setTimeout(r, 20));
      http.close();
      http.closeAllConnections();
    },
  };
}
