// A session-level Postgres advisory lock held on one connection of its own: whoever holds it is the one process
// doing a job (the hot-spot monitor), and a process that dies or loses its connection lets another take over,
// since Postgres drops a session's locks with the session. Needs session pooling (not PgBouncer transaction mode).
import type pg from 'pg';
import type { Db } from './db.ts';

/** Advisory lock keys used by the product (727001-727002 are taken in sql/db.ts and migration 0027). */
export const HOTSPOT_MONITOR_LOCK = 727003;

export class AdvisoryLease {
  private client: pg.PoolClient | null = null;
  private checkedAt = 0;
  private readonly onError = (e: Error) => this.drop(e); // the connection died: so did the lock

  constructor(
    private readonly db: Db,
    private readonly key: number,
    /** How often a holder checks its connection, and a waiter tries again. */
    private readonly everyMs = 5000,
  ) {}

  get held(): boolean {
    return this.client !== null;
  }

  /** Whether this process holds the lock now: tries to take it, or checks it still has it, at most every `everyMs`. */
  async hold(): Promise<boolean> {
    if (Date.now() - this.checkedAt < this.everyMs) return this.held;
    this.checkedAt = Date.now();
    if (this.client) {
      try {
        await this.client.query('SELECT 1');
        return true;
      } catch (e) {
        this.drop(e);
      }
    }
    const client = await this.db.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [this.key]);
      if (!rows[0].ok) {
        client.release();
        return false;
      }
    } catch (e) {
      client.release(e as Error);
      throw e;
    }
    client.on('error', this.onError);
    this.client = client;
    return true;
  }

  /** Gives the lock back (on shutdown), so a waiting process takes over at its next try. */
  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.client = null;
    client.off('error', this.onError);
    try {
      await client.query('SELECT pg_advisory_unlock($1)', [this.key]);
      client.release();
    } catch (e) {
      client.release(e as Error);
    }
  }

  private drop(e: unknown): void {
    const client = this.client;
    this.client = null;
    client?.off('error', this.onError);
    client?.release(e instanceof Error ? e : new Error(String(e)));
  }
}
