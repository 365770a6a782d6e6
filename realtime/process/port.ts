// The product's one HTTP server when the feed runs in its own process: Socket.IO traffic goes to the feed
// process (feed-process.ts), everything else to the app.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FeedProcess } from './feed-process.ts';

export interface SharedPort {
  http: Server;
  /** Stops listening, lets requests in flight finish for up to `graceMs`, then closes every connection. */
  close(graceMs?: number): Promise<void>;
}

export function serveWithFeed(handleApp: RequestListener, feed: FeedProcess | null): SharedPort {
  let inFlight = 0;
  const http = createServer((req, res) => {
    inFlight++;
    res.once('close', () => inFlight--);
    if (feed?.owns(req)) feed.proxy(req, res);
    else handleApp(req, res);
  });
  if (feed) http.on('upgrade', (req, socket, head) => feed.upgrade(req, socket as Socket, head));

  return {
    http,
    // Not http.close(cb): once a server has handed a connection to a child process that has since exited,
    // Node waits for that child's count of connections forever, and the callback never comes.
    close: async (graceMs = 5000) => {
      http.close();
      http.closeIdleConnections();
      for (const started = Date.now(); inFlight > 0 && Date.now() - started < graceMs;)
        await new Promise((r) => setTimeout(r, 20));
      http.closeAllConnections();
    },
  };
}
