// Tails the event log. NOTIFY only wakes us; the log is the data, read after a commit-safe cursor.
import createSubscriber, { type Subscriber } from 'pg-listen';
import type { Db } from '../sql/db.ts';
import { EVENTS_CHANNEL } from '../sql/doorbell.ts';
import {
  readSettledEvents,
  settledHead,
  type EventRow,
  type FeedCursor,
  type SettledRead,
} from '../sql/queries/events.ts';

export interface TailerOptions {
  batchSize?: number;
  /** Safety net for a doorbell lost while the listener reconnects, and for an unrelated old transaction ending. */
  pollMs?: number;
  /**
   * Least time between the starts of two reads of the log. A calm feed reads at its doorbell; under a surge
   * doorbells ring every few ms, and two queries per ring cost Postgres more than the reads deliver.
   */
  minGapMs?: number;
  onError?: (error: unknown) => void;
}

/** The held-back back-off: first look again after this long, doubling to the cap. */
const HELD_BACK_FIRST_MS = 5;
const HELD_BACK_MAX_MS = 50;
/** Below the fan-out's 50 ms coalescing window, so batched screens see no added delay. */
const DEFAULT_MIN_GAP_MS = 20;

export class EventTailer {
  private cursor: FeedCursor = { xid: '0', id: '0' };
  private subscriber: Subscriber | null = null;
  private timer: NodeJS.Timeout | null = null;
  private draining = false;
  private rerun = false;
  private lastDrainAt = -Infinity;
  private gapTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  /**
   * Back-off while an old transaction holds committed events back: 5 ms, doubling to 50 ms. A doorbell
   * starts it over: under steady load some batch is nearly always open, and a back-off grown during one
   * hold must not delay the next (that cost up to 200 ms of latency per notice).
   */
  private heldBackMs = HELD_BACK_FIRST_MS;

  constructor(
    private readonly db: Db,
    private readonly listenUrl: string,
    private readonly deliver: (events: EventRow[]) => void,
    private readonly opts: TailerOptions = {},
  ) {}

  /** The last delivered position; a new client starts after it. */
  get position(): FeedCursor {
    return this.cursor;
  }

  async start(from?: FeedCursor): Promise<void> {
    this.cursor = from ?? (await settledHead(this.db));
    const subscriber = createSubscriber(
      { connectionString: this.listenUrl, application_name: 'hientruong-listen' },
      {
        retryLimit: Infinity,
        retryTimeout: 0, // never give up: Postgres restarts take as long as they take
        retryInterval: (attempt) => Math.min(1000, 100 * attempt),
        paranoidChecking: 5000,
      },
    );
    subscriber.notifications.on(EVENTS_CHANNEL, () => {
      this.heldBackMs = HELD_BACK_FIRST_MS;
      this.wake();
    });
    // After every (re)connect, doorbells rung meanwhile are gone: catch up from the log.
    subscriber.events.on('connected', () => this.wake());
    subscriber.events.on('error', (e) => this.opts.onError?.(e));
    await subscriber.connect();
    await subscriber.listenTo(EVENTS_CHANNEL);
    this.subscriber = subscriber;
    this.timer = setInterval(() => this.wake(), this.opts.pollMs ?? 1000);
    this.wake();
  }

  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.rerun = true;
      return;
    }
    const wait = this.lastDrainAt + (this.opts.minGapMs ?? DEFAULT_MIN_GAP_MS) - performance.now();
    if (wait > 0) {
      this.gapTimer ??= setTimeout(() => {
        this.gapTimer = null;
        this.wake();
      }, wait);
      return;
    }
    void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    this.rerun = false;
    this.lastDrainAt = performance.now();
    const batch = this.opts.batchSize ?? 1000;
    try {
      let read: SettledRead;
      do {
        read = await readSettledEvents(this.db, this.cursor, batch);
        const rows = read.rows;
        if (rows.length === 0) break;
        this.cursor = { xid: rows[rows.length - 1].xid, id: rows[rows.length - 1].id };
        this.heldBackMs = HELD_BACK_FIRST_MS;
        this.deliver(rows);
      } while (read.rows.length === batch && !this.stopped);
      // Committed events held back by an older open transaction: look again shortly, not at the next poll.
      // (Seen in the same snapshot as the read, so a transaction that ends meanwhile is not missed: its rows show then.)
      if (!this.stopped && read.heldBack) {
        setTimeout(() => this.wake(), this.heldBackMs);
        this.heldBackMs = Math.min(HELD_BACK_MAX_MS, this.heldBackMs * 2);
      }
    } catch (error) {
      this.opts.onError?.(error);
      if (!this.stopped) setTimeout(() => this.wake(), 200);
    } finally {
      this.draining = false;
    }
    // A doorbell rang while reading: read again, no sooner than the gap allows.
    if (this.rerun) this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.gapTimer) clearTimeout(this.gapTimer);
    await this.subscriber?.close().catch(() => {});
  }
}
