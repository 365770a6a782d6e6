// Structured logs: one request id ties a POST's access line to the feed process's line for the event it wrote,
// and personal fields never reach a line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../main.ts';
import { reportBody } from './test-support/load.ts';
import { startTestProduct, type TestProduct } from './test-support/test-product.ts';

interface LogLine {
  msg?: string;
  reqId?: string;
  reqIds?: string[];
  method?: string;
  path?: string;
  status?: number;
  ms?: number;
  proc?: string;
}

function capture() {
  const lines: LogLine[] = [];
  const text: string[] = [];
  return {
    lines,
    text,
    stream: {
      write: (line: string) => {
        text.push(line);
        lines.push(JSON.parse(line) as LogLine);
      },
    },
  };
}

async function until<T>(find: () => T | undefined, ms = 15_000): Promise<T> {
  for (const started = Date.now(); Date.now() - started < ms; await new Promise((r) => setTimeout(r, 50))) {
    const found = find();
    if (found !== undefined) return found;
  }
  throw new Error('not logged in time');
}

describe('request ids in the logs', () => {
  const logs = capture();
  let running: TestProduct;
  beforeAll(async () => {
    // Debug: the feed process logs each emitted batch (with its request ids) at that level only.
    running = await startTestProduct({ logger: createLogger(logs.stream, 'debug') });
  });
  afterAll(async () => running?.stop());

  const post = (headers: Record<string, string>, body: object = reportBody(1)) =>
    fetch(`${running.product.url}/api/v1/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it("a POST's id is echoed, on its access line, and on the feed process's emit line of its event", async () => {
    const requestId = 'req-test-7f3a9c21';
    const res = await post({ 'x-request-id': requestId });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-request-id')).toBe(requestId);
    const access = await until(() => logs.lines.find((l) => l.reqId === requestId && l.msg === 'http'));
    expect(access).toMatchObject({ method: 'POST', path: '/api/v1/reports', status: 201 });
    expect(access.ms).toBeGreaterThanOrEqual(0);
    const emitted = await until(() => logs.lines.find((l) => l.msg === 'feed emit' && l.reqIds?.includes(requestId)));
    expect(emitted.proc).toBe('feed');
  });

  it('makes its own id when none, or an unsafe one, is sent', async () => {
    const forged = 'x\u0000 "} {"level":60';
    const res = await fetch(`${running.product.url}/api/v1/categories`, { headers: { 'x-request-id': 'a b' } });
    const made = res.headers.get('x-request-id');
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
    const again = await post({ 'x-request-id': encodeURIComponent(forged) });
    expect(again.headers.get('x-request-id')).not.toBe(encodeURIComponent(forged));
    await until(() => logs.lines.find((l) => l.reqId === made && l.path === '/api/v1/categories'));
  });

  it('never logs reporter contact or national id', async () => {
    const phone = '0912345678';
    const res = await post({}, { ...reportBody(2), reporter: { name: 'Nguyễn Văn Bí', phone } });
    expect(res.status).toBe(201);
    const logger = createLogger(logs.stream);
    logger.error({ report: { reporterPhone: phone, reporterName: 'Nguyễn Văn Bí', nationalId: '001099012345' } }, 'x');
    logger.info({ reporter: { phone } }, 'y');
    await until(() => logs.lines.find((l) => l.msg === 'y'));
    const all = logs.text.join('');
    for (const secret of [phone, 'Nguyễn Văn Bí', '001099012345']) expect(all).not.toContain(secret);
    expect(all).toContain('[redacted]');
  });
});
