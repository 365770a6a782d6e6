// DATABASE_URL when given, else the embedded cluster whose data lives under the project (.data/pg).
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './embedded.ts';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/pg', import.meta.url));

export interface OpenedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

export async function openDatabase(
  opts: { databaseUrl?: string; dataDir?: string; log?: (line: string) => void } = {},
): Promise<OpenedDatabase> {
  if (opts.databaseUrl) return { url: opts.databaseUrl, embedded: false, stop: async () => {} };
  const cluster = await startEmbeddedPostgres(opts.dataDir ?? DEFAULT_DATA_DIR, {
    // Connections ended by our own shutdown are expected, not news.
    log: (line) => {
      if (/FATAL|PANIC/.test(line) && !/administrator command/.test(line)) opts.log?.(line.trim());
    },
  });
  return { url: cluster.url, embedded: true, stop: () => cluster.stop() };
}
