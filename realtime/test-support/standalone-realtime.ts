// A realtime server alone on its own 127.0.0.1 port (no ingest): what feed tests start, kill and restart.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachRealtime, type Realtime, type RealtimeOptions } from '../server.ts';

export interface StandaloneRealtime {
  rt: Realtime;
  port: number;
  url: string;
}

/** `port` 0 picks a free one; pass a previous port to restart on the same address. */
export async function startStandaloneRealtime(opts: RealtimeOptions, port = 0): Promise<StandaloneRealtime> {
  const http = createServer();
  const rt = await attachRealtime(http, opts);
  await new Promise<void>((done) => http.listen(port, '127.0.0.1', done));
  const bound = (http.address() as AddressInfo).port;
  return { rt, port: bound, url: `http://127.0.0.1:${bound}` };
}
