// DATABASE_URL when given, else the embedded cluster whose data lives under the project (.data/pg).
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres, superviseCluster } from './embedded.ts';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/pg', import.meta.url));

export interface OpenedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function openDatabase(
  opts: {
    databaseUrl?: string;
    dataDir?: string;
    log?: (line: string) => void;
    /** The embedded cluster could not be brought back: the product should exit non-zero. */
    onLost?: (error: unknown) => void;
  } = {},
): Promise<OpenedDatabase> {
  if (opts.databaseUrl) return { url: opts.databaseUrl, embedded: false, stop: async () => {} };
  const cluster = await startEmbeddedPostgres(opts.dataDir ?? DEFAULT_DATA_DIR, {
    // Connections ended by our own shutdown are expected, not news.
    log: (line) => {
      if (/FATAL|PANIC/.test(line) && !/administrator command/.test(line)) opts.log?.(line.trim());
    },
  });
  const stopSupervising = superviseCluster(cluster, { log: opts.log, giveUp: opts.onLost });
  return {
    url: cluster.url,
    embedded: true,
    stop: () => {
      stopSupervising();
      return cluster.stop();
    },
  };
}
