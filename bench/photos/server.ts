// Child process for bench:photos: the product alone on its event loop (embedded Postgres in a temp folder,
// no feed, no demo stream), so the load generator does not share it. Prints READY <url>.
import { startProduct } from '../../main.ts';

const { dataDir, mediaDir } = JSON.parse(process.argv[2]) as { dataDir: string; mediaDir: string };
const product = await startProduct({
  dataDir,
  mediaDir,
  port: 0,
  host: '127.0.0.1',
  demo: false,
  demoAccounts: false,
  distDir: '/nonexistent',
  feed: { enabled: false },
});
console.log(`READY ${product.url}`);
const quit = () => {
  void product.stop().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGTERM', quit);
process.on('SIGINT', quit);
