// The change feed's doorbell, rung by the product's own writers after their commit, at most once per
// interval. One NOTIFY per group-commit batch (hundreds a second in a surge) cost the writers, Postgres and
// every listener more than the feed needs: it reads the log at most every 20 ms. Inside the data transaction a
// NOTIFY also holds Postgres's global NOTIFY lock through that commit's WAL flush.
import type pg from 'pg';

export const EVENTS_CHANNEL = 'hientruong_events';
/** Session setting by which a writer tells the events trigger that it rings after commit itself. */
export const RINGS_AFTER_COMMIT = '-c hientruong.doorbell=after-commit';
/** Under half the tailer's least gap between reads: a surge's doorbell is never what the tailer waits for. */
export const DOORBELL_INTERVAL_MS = 10;

/** Leading and trailing edge: the first commit after a quiet spell rings at once, a burst rings again after it. */
export class Doorbell {
  private timer: NodeJS.Timeout | null = null;
  private again = false;

  constructor(
    private readonly pool: pg.Pool,
    private readonly intervalMs = DOORBELL_INTERVAL_MS,
  ) {}

  ring(): void {
    if (this.timer) {
      this.again = true;
      return;
    }
    // A lost ring is covered by the tailer's poll (and a Postgres restart by its catch-up): never an error to the writer.
    this.pool.query(`SELECT pg_notify('${EVENTS_CHANNEL}', '')`).catch(() => {});
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.again) {
        this.again = false;
        this.ring();
      }
    }, this.intervalMs);
    this.timer.unref();
  }
}
