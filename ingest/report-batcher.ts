// Group commit for report creation: requests that arrive together share one transaction, so a burst
// costs a few commits, and the doorbell is rung after them, throttled (sql/doorbell.ts).
// Each caller still gets its own row only after the durable commit, or its own row's error.
import type { Db } from '../sql/db.ts';
import type { StoredReportRow } from '../sql/queries/reports.ts';
import type { ReportInput } from './schemas/report-input.ts';
import { isDatabaseUnavailable } from './http-error.ts';
import { prepareReport, storeReports, type PreparedReport, type ReportContext } from './commands/create-reports.ts';

export interface BatcherOptions {
  /** Largest batch: one multi-row INSERT of this many reports. */
  maxItems: number;
  /** Longest a report waits for company when a transaction slot is free (0: only those of the same turn). */
  windowMs: number;
  /** Transactions in flight at once; while all are busy, arrivals pile into the next batch. */
  maxInFlight: number;
}

export const DEFAULT_BATCHER_OPTIONS: BatcherOptions = { maxItems: 200, windowMs: 0, maxInFlight: 2 };

interface Pending {
  report: PreparedReport;
  resolve: (row: StoredReportRow) => void;
  reject: (error: unknown) => void;
}

export class ReportBatcher {
  private queue: Pending[] = [];
  private inFlight = 0;
  private timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  /** Transactions committed and reports stored, for tests and benches. */
  readonly stats = { batches: 0, reports: 0, failedBatches: 0 };
  /** Told the size of each committed batch (/metrics). */
  onCommitted?: (size: number) => void;
  readonly opts: BatcherOptions;

  constructor(
    private readonly db: Db,
    opts: Partial<BatcherOptions> = {},
  ) {
    this.opts = { ...DEFAULT_BATCHER_OPTIONS, ...opts };
  }

  /**
   * Resolves with the stored row once its batch has committed; rejects with the error of its own row. The batch
   * commits on the batcher's own pool, so the sender names its request in `report.requestId` (requestIdOf).
   */
  submit(report: PreparedReport): Promise<StoredReportRow> {
    return new Promise<StoredReportRow>((resolve, reject) => {
      this.queue.push({ report, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.inFlight >= this.opts.maxInFlight) return; // a finishing batch picks the queue up
    if (this.queue.length >= this.opts.maxItems) {
      this.clearTimer();
      this.flush();
      return;
    }
    if (this.timer || this.queue.length === 0) return;
    const go = () => {
      this.timer = null;
      this.flush();
    };
    this.timer = this.opts.windowMs > 0 ? setTimeout(go, this.opts.windowMs) : setImmediate(go);
  }

  private clearTimer(): void {
    if (!this.timer) return;
    clearTimeout(this.timer as NodeJS.Timeout);
    clearImmediate(this.timer as NodeJS.Immediate);
    this.timer = null;
  }

  private flush(): void {
    while (this.queue.length && this.inFlight < this.opts.maxInFlight) {
      const batch = this.queue.splice(0, this.opts.maxItems);
      this.inFlight++;
      void this.store(batch).finally(() => {
        this.inFlight--;
        this.schedule();
      });
    }
  }

  /**
   * Commits a batch; when a row breaks it, bisects so that row fails alone and the others still commit
   * (one bad report must never cost its neighbours their 201). A lost database fails the batch at once.
   */
  private async store(batch: Pending[]): Promise<void> {
    try {
      const rows = await storeReports(
        this.db,
        batch.map((p) => p.report),
      );
      this.stats.batches++;
      this.stats.reports += rows.length;
      this.onCommitted?.(rows.length);
      batch.forEach((p, i) => p.resolve(rows[i]));
    } catch (error) {
      this.stats.failedBatches++;
      if (batch.length === 1 || isDatabaseUnavailable(error)) {
        for (const p of batch) p.reject(error);
        return;
      }
      const half = Math.ceil(batch.length / 2);
      await this.store(batch.slice(0, half));
      await this.store(batch.slice(half));
    }
  }
}

/** What a citizen submission stores beside the report, in its transaction. */
export type SubmissionExtras = Pick<PreparedReport, 'idempotency' | 'photos' | 'requestId'> & {
  trackingSecretHash?: Buffer;
};

/** Geocodes now (bad input never joins a batch), then waits for the shared commit. */
export function submitReport(
  batcher: ReportBatcher,
  input: ReportInput,
  ctx: ReportContext,
  extras: SubmissionExtras = {},
): Promise<StoredReportRow> {
  const prepared = prepareReport(input, ctx);
  prepared.row.trackingSecretHash = extras.trackingSecretHash ?? null;
  return batcher.submit({
    ...prepared,
    idempotency: extras.idempotency,
    photos: extras.photos,
    requestId: extras.requestId,
  });
}
