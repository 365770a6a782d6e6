// /metrics in Prometheus format (prom-client), one registry per app: intake rate and latency, group-commit batch
// sizes, pool connections and waiters, rollup queue depth, and the process's own figures. Loopback callers only:
// scrape it from the same host or through a sidecar, never from the internet.
import type { Context, Next } from 'koa';
import client from 'prom-client';
import type { Db } from '../sql/db.ts';
import type { IngestDeps, IngestState } from './context.ts';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

export function metricsMiddleware(deps: Pick<IngestDeps, 'db' | 'publicDb' | 'reportBatcher' | 'otherProcessMetrics'>) {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'hientruong_' });
  const latency = new client.Histogram({
    name: 'hientruong_http_request_duration_seconds',
    help: 'HTTP answers by route and status class',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const accepted = new client.Counter({
    name: 'hientruong_reports_accepted_total',
    help: 'Reports answered 201 (stored)',
    registers: [registry],
  });
  const batchSize = new client.Histogram({
    name: 'hientruong_report_batch_size',
    help: 'Reports per group-commit transaction',
    buckets: [1, 2, 5, 10, 20, 50, 100, 200],
    registers: [registry],
  });
  deps.reportBatcher.onCommitted = (size) => batchSize.observe(size);
  const pools = { write: deps.db, public: deps.publicDb ?? null };
  /** One figure of each pool, read at each scrape. */
  const perPool = (name: string, help: string, read: (pool: Db) => number) =>
    new client.Gauge({
      name,
      help,
      labelNames: ['pool'] as const,
      registers: [registry],
      collect() {
        for (const [label, pool] of Object.entries(pools)) if (pool) this.set({ pool: label }, read(pool));
      },
    });
  perPool('hientruong_db_pool_waiting', 'Requests waiting for a database connection, per pool', (p) => p.waitingCount);
  perPool('hientruong_db_pool_connections', 'Open database connections, per pool', (p) => p.totalCount);
  new client.Gauge({
    name: 'hientruong_rollup_queue_depth',
    help: 'Reports still queued for the count rollups',
    registers: [registry],
    async collect() {
      // A scrape while the database is away still answers (the pool and process figures matter most then);
      // the depth reads NaN (unknown to Prometheus) rather than a stale or zero count.
      try {
        const { rows } = await deps.db.query<{ n: number }>('SELECT count(*)::int AS n FROM report_rollup_queue');
        this.set(rows[0].n);
      } catch {
        this.set(Number.NaN);
      }
    },
  });

  return async (ctx: Context & { state: IngestState }, next: Next): Promise<void> => {
    if (ctx.path === '/metrics' && ctx.method === 'GET') {
      if (!LOOPBACK.test(ctx.ip)) {
        ctx.status = 404;
        return;
      }
      ctx.type = registry.contentType;
      const others = (await deps.otherProcessMetrics?.()) ?? [];
      // Names never collide (the feed's start hientruong_feed_); aggregate() only merges the two lists.
      ctx.body = others.length
        ? await client.AggregatorRegistry.aggregate([await registry.getMetricsAsJSON(), others]).metrics()
        : await registry.metrics();
      return;
    }
    const started = performance.now();
    try {
      await next();
    } finally {
      const route = (ctx as Context & { _matchedRoute?: string })._matchedRoute ?? 'other';
      latency.observe(
        { method: ctx.method, route: String(route), status: `${Math.floor(ctx.status / 100)}xx` },
        (performance.now() - started) / 1000,
      );
      if (ctx.status === 201 && ctx.method === 'POST' && ctx.path === '/api/v1/reports') accepted.inc();
    }
  };
}
