// Pool, transactions and forward-only migrations over plain SQL files.
import pg from 'pg';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Doorbell, RINGS_AFTER_COMMIT } from './doorbell.ts';
import { requestIdOf } from './request-scope.ts';

/** A pool; the product's writers' pools carry the doorbell their commits ring (createPool's ringAfterCommit). */
export type Db = pg.Pool & { doorbell?: Doorbell };
/** A client in withTransaction: `appendedEvents` is set while it is open there, true once it appended events. */
export type Tx = pg.PoolClient & { appendedEvents?: boolean; requestId?: string | null };

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface PoolOptions {
  applicationName?: string;
  /** Postgres settings for every session, as in libpq's `options` ("-c name=value ..."). */
  settings?: string[];
  /**
   * Events appended through this pool ring the doorbell after their commit, throttled (doorbell.ts), instead
   * of once per statement from the trigger. For the product's writers; a pool without it rings as before.
   */
  ringAfterCommit?: boolean;
}

export function createPool(url: string, max = 20, opts: PoolOptions = {}): Db {
  const settings = [...(opts.settings ?? []), ...(opts.ringAfterCommit ? [RINGS_AFTER_COMMIT] : [])];
  const pool: Db = new pg.Pool({
    connectionString: url,
    max,
    application_name: opts.applicationName ?? 'hientruong',
    options: settings.join(' ') || undefined,
  });
  if (opts.ringAfterCommit) pool.doorbell = new Doorbell(pool);
  // An idle client dying (Postgres restart, terminated backend) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

/**
 * The pool anonymous reads use: a few connections of their own, read-only, each statement cut at `timeoutMs`,
 * and a short wait for a connection. However many anonymous readers come, they queue here, never for the
 * connections the write path commits reports on. Point it at a streaming replica (DATABASE_READ_URL) to move
 * their CPU off the primary as well.
 */
export function createPublicReadPool(url: string, max = 3, timeoutMs = 2000): Db {
  const pool = createPool(url, max, {
    applicationName: 'hientruong-public-read',
    settings: [`-c statement_timeout=${timeoutMs}`, '-c default_transaction_read_only=on'],
  });
  pool.options.connectionTimeoutMillis = timeoutMs;
  return pool;
}

/**
 * The feed process's pool. Its tail read runs ~50 times a second with the cursor near the head, where a
 * custom plan looks cheaper than the generic one, so Postgres planned it on every read (a third of the read's
 * CPU); the generic plan is the same index scan. Its other statements are key and range lookups on the same
 * indexes, for which a generic plan is as good.
 */
export function createFeedPool(url: string, max: number): Db {
  return createPool(url, max, {
    applicationName: 'hientruong-feed',
    settings: ['-c plan_cache_mode=force_generic_plan'],
  });
}

/** Called by whatever appends to the events log in `tx`: the commit then rings the doorbell (if its pool rings after commit). */
export function markFeedChanged(tx: Tx): void {
  // Outside withTransaction (or withOneStatement) nothing would ring after the commit (the trigger is quiet for the
  // product's pool), and the events would wait for the feed's one-second poll: fail where the mistake is made instead.
  if (tx.appendedEvents === undefined)
    throw new Error('events must be appended inside withTransaction: its commit rings the feed');
  tx.appendedEvents = true;
}

export async function withTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withClient(db, async (tx) => {
    try {
      await tx.query('BEGIN');
      const result = await work(tx);
      await tx.query('COMMIT');
      if (tx.appendedEvents) db.doorbell?.ring();
      return result;
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => {});
      throw error;
    }
  });
}

/**
 * `work`, which must send exactly one statement, as its own transaction: a write that fits in one statement saves
 * the BEGIN and COMMIT round trips. Events it appends ring the doorbell after it, as withTransaction's commit would.
 */
export async function withOneStatement<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  return withClient(db, async (tx) => {
    const result = await work(tx);
    if (tx.appendedEvents) db.doorbell?.ring();
    return result;
  });
}

/** A checked-out client, stamped with the request it works for, handed back (or discarded if broken) afterwards. */
async function withClient<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const tx: Tx = await db.connect();
  // A checked-out client has no pool error listener: a connection dying between two queries (Postgres
  // restart) would be an unhandled 'error' and crash the process. The failing query reports it instead.
  let broken: unknown = null;
  const onError = (error: unknown) => {
    broken = error;
  };
  tx.on('error', onError);
  tx.appendedEvents = false;
  tx.requestId = requestIdOf(db);
  try {
    return await work(tx);
  } finally {
    delete tx.appendedEvents;
    delete tx.requestId;
    tx.removeListener('error', onError);
    // A broken connection is discarded, not handed to the next caller.
    tx.release(broken ? (broken as Error) : undefined);
  }
}

/**
 * A long read (an export) in one REPEATABLE READ, read-only transaction: every page reads the same snapshot, so
 * a row changed, added or re-filtered mid-read is neither duplicated nor missing. The transaction ends when the
 * reader finishes, fails or stops early (a client that hung up), and the connection goes back to the pool.
 */
export async function* readInSnapshot<T>(
  db: Db,
  read: (tx: Tx) => AsyncIterable<T>,
  idleLimitMs = 600_000,
): AsyncGenerator<T> {
  const tx: Tx = await db.connect();
  let broken: unknown = null;
  const onError = (error: unknown) => {
    broken = error;
  };
  tx.on('error', onError);
  let done = false;
  try {
    await tx.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // A reader that stops pulling must not hold the snapshot (and vacuum) back forever.
    await tx.query(`SET LOCAL idle_in_transaction_session_timeout = ${Math.round(idleLimitMs)}`);
    yield* read(tx);
    await tx.query('COMMIT');
    done = true;
  } finally {
    if (!done) await tx.query('ROLLBACK').catch(() => {});
    tx.removeListener('error', onError);
    tx.release(broken ? (broken as Error) : undefined);
  }
}

/** Applies each not-yet-applied migration in name order, each in its own transaction; returns their names. */
export async function migrate(db: Db, dir: string = MIGRATIONS_DIR): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  return withTransaction(db, async (tx) => {
    // One migrator at a time: two servers starting together must not both apply a file.
    await tx.query('SELECT pg_advisory_xact_lock(727001)');
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name),
    );
    const applied: string[] = [];
    for (const file of files.filter((f) => !done.has(f))) {
      await tx.query(readFileSync(dir + file, 'utf8'));
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      applied.push(file);
    }
    return applied;
  });
}
