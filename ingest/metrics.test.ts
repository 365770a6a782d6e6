// /metrics: Prometheus text with intake, batch and pool figures, for loopback callers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDispatchApp, type DispatchApp } from './test-support/dispatch-app.ts';

describe('/metrics', () => {
  let app: DispatchApp;
  beforeAll(async () => {
    app = await startDispatchApp();
  });
  afterAll(async () => app?.close());

  it('counts accepted reports, batch sizes, latency per route, pool waiters and the rollup queue', async () => {
    await Promise.all([app.createReport(), app.createReport(), app.createReport()]);
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toMatch(/^hientruong_reports_accepted_total 3$/m);
    expect(text).toMatch(/^hientruong_report_batch_size_sum 3$/m);
    expect(text).toMatch(
      /hientruong_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/reports\/?",status="2xx"\} 3/,
    );
    expect(text).toMatch(/^hientruong_db_pool_waiting\{pool="write"\} \d+$/m);
    expect(text).toMatch(/^hientruong_rollup_queue_depth \d+$/m);
    expect(text).toContain('hientruong_process_cpu_seconds_total');
  });

  it('still answers while the database is away, the rollup depth it cannot read as NaN', async () => {
    const alone = await startDispatchApp();
    try {
      await alone.db.end(); // the database is gone as far as this app can tell
      const res = await fetch(`${alone.url}/metrics`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(text).toMatch(/^hientruong_db_pool_connections\{pool="write"\} \d+$/m);
      expect(text).toMatch(/^hientruong_rollup_queue_depth nan$/im); // prom-client writes "Nan", Prometheus reads any case
    } finally {
      await alone.close().catch(() => {});
    }
  });
});
