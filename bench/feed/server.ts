// Child process for the feed bench: runs ours (the product) or the naive peer on one port, alone on its
// event loop so the load generator and the clients do not share it. Prints READY <url>.
import { startProduct } from '../../main.ts';
import { createPool } from '../../sql/db.ts';
import { startPeer } from './peer.ts';

export interface ServerSpec {
  kind: 'ours' | 'peer';
  databaseUrl: string;
  streaming: boolean;
  coalesceMs?: number;
  feedNice?: number;
}

const spec = JSON.parse(process.argv[2]) as ServerSpec;
let stop: () => Promise<void>;
if (spec.kind === 'ours') {
  const product = await startProduct({
    databaseUrl: spec.databaseUrl,
    port: 0,
    host: '127.0.0.1',
    demo: false,
    distDir: '/nonexistent',
    demoAccounts: false,
    operatorToken: 'bench-staff',
    feed: { enabled: spec.streaming, coalesceMs: spec.coalesceMs, nice: spec.feedNice },
  });
  if (!spec.streaming) {
    const db = createPool(spec.databaseUrl, 1);
    await db.query('ALTER TABLE events DISABLE TRIGGER events_doorbell');
    await db.end();
  }
  stop = product.stop;
  console.log(`READY ${product.url}`);
} else {
  const db = createPool(spec.databaseUrl, 30);
  const peer = await startPeer(db, spec.databaseUrl, spec.streaming);
  await new Promise<void>((done) => peer.http.listen(0, '127.0.0.1', done));
  stop = async () => {
    await peer.stop();
    await db.end();
  };
  console.log(`READY http://127.0.0.1:${(peer.http.address() as { port: number }).port}`);
}
const quit = () => {
  void stop().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGTERM', quit);
process.on('SIGINT', quit);
