// Bounded HTTP load over keep-alive sockets: closed loop (N workers for a duration) or open loop (a rate).
import { Agent, request } from 'node:http';

export interface Sample {
  sentAt: number;
  ms: number;
  status: number;
  id: string | null;
}

let seq = 0;
export function reportJson(): string {
  const i = seq++;
  return JSON.stringify({
    category: i % 9 === 0 ? 'road' : 'flooding', // no sensitive category: public screens get no notice of those
    description: `Bench report ${i}`,
    lat: 19.7 + (i % 97) * 0.002,
    lng: 105.7 + (i % 89) * 0.002,
  });
}

export function post(url: URL, agent: Agent, onSent?: (t: number) => void): Promise<Sample> {
  const body = reportJson();
  const sentAt = performance.now();
  onSent?.(sentAt);
  return new Promise((done) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: '/api/v1/reports',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let id: string | null = null;
          if (res.statusCode === 201)
            try {
              id = String((JSON.parse(Buffer.concat(chunks).toString()) as { id: unknown }).id);
            } catch {
              /* counted as no id */
            }
          done({ sentAt, ms: performance.now() - sentAt, status: res.statusCode ?? 0, id });
        });
      },
    );
    req.on('error', () => done({ sentAt, ms: performance.now() - sentAt, status: 0, id: null }));
    req.end(body);
  });
}

export interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  samples: Sample[];
}

export function summarise(samples: Sample[], seconds: number): LoadResult {
  const ok = samples.filter((s) => s.status === 201);
  const ms = ok.map((s) => s.ms).sort((a, b) => a - b);
  return {
    ok: ok.length,
    failed: samples.length - ok.length,
    seconds,
    perSecond: ok.length / seconds,
    p50: pct(ms, 0.5),
    p99: pct(ms, 0.99),
    samples,
  };
}

export function pct(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
}

/** `workers` requests always in flight for `seconds` (after `warmup` seconds not counted). */
export async function closedLoop(base: string, workers: number, seconds: number, warmup = 0.5): Promise<LoadResult> {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: workers });
  const samples: Sample[] = [];
  const start = performance.now();
  const countFrom = start + warmup * 1000;
  const end = countFrom + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < end) {
        const s = await post(url, agent);
        if (s.sentAt >= countFrom && s.sentAt + s.ms <= end) samples.push(s);
      }
    }),
  );
  agent.destroy();
  return summarise(samples, seconds);
}

/** `rate` requests per second for `seconds`, whatever the answers take (up to `maxInFlight`). */
export async function openLoop(
  base: string,
  rate: number,
  seconds: number,
  onSent?: (t: number) => void,
  maxInFlight = 512,
): Promise<LoadResult> {
  const url = new URL(base);
  const agent = new Agent({ keepAlive: true, maxSockets: maxInFlight });
  const pending: Promise<Sample>[] = [];
  const start = performance.now();
  const total = Math.round(rate * seconds);
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    pending.push(post(url, agent, onSent));
  }
  const samples = await Promise.all(pending);
  agent.destroy();
  return summarise(samples, seconds);
}
