// npm run bench:surge — a typhoon evening: 200 reports/s for 10 minutes, then 1,000/s offered for 60 s, with 2,000
// screens connected (half the wall's token, half public), against the product in a child process on its own
// embedded Postgres (as bench:feed starts it). Prints per phase the accepted rate and ingest p50/p99, then whether
// every socket got every report event of its room exactly once, and acknowledged-but-missing (must be 0).
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPool, migrate } from '../sql/db.ts';
import { startEmbeddedPostgres } from '../sql/embedded.ts';
import { seedCatalog } from '../sql/seed/seed-catalog.ts';
import { openLoop, type LoadResult } from './feed/load.ts';
import { spawnServer } from './feed/spawn-server.ts';
import { connectScreens } from './surge/screens.ts';
import { bitsOf } from './surge/seen-set.ts';

const HELP = `npm run bench:surge -- [options]
  --steady-s N      seconds at the steady rate (default 600)
  --steady-rate N   reports/s offered in the steady phase (default 200)
  --surge-s N       seconds of the surge (default 60)
  --surge-rate N    reports/s offered in the surge (default 1000)
  --sockets N       connected screens, half staff (wall token), half public (default 2000)
  --workers N       worker threads holding the screens (default 4)
  --feed-nice N     niceness of the feed process (default: the product's, 19)
  --help            this text`;

const { values: flags } = parseArgs({
  options: {
    'steady-s': { type: 'string', default: '600' },
    'steady-rate': { type: 'string', default: '200' },
    'surge-s': { type: 'string', default: '60' },
    'surge-rate': { type: 'string', default: '1000' },
    sockets: { type: 'string', default: '2000' },
    workers: { type: 'string', default: '4' },
    'feed-nice': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (flags.help) {
  console.log(HELP);
  process.exit(0);
}
const num = (name: keyof typeof flags) => {
  const n = Number(flags[name]);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number ≥ 0, not "${String(flags[name])}"`);
  return n;
};
const STEADY_S = num('steady-s');
const STEADY_RATE = num('steady-rate');
const SURGE_S = num('surge-s');
const SURGE_RATE = num('surge-rate');
const SOCKETS = num('sockets');
const WORKERS = Math.max(1, num('workers'));
const FEED_NICE = flags['feed-nice'] === undefined ? undefined : num('feed-nice');
const STAFF_TOKEN = 'bench-staff'; // bench/feed/server.ts gives the product this static wall token
const log = (line: string) => process.stderr.write(`${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const dir = mkdtempSync(join(tmpdir(), 'hientruong-bench-surge-'));
const cluster = await startEmbeddedPostgres(join(dir, 'pg'));
const db = createPool(cluster.url, 2);
await migrate(db);
await seedCatalog(db);
const server = await spawnServer({ kind: 'ours', databaseUrl: cluster.url, streaming: true, feedNice: FEED_NICE });
const { rows: head } = await db.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM events');
const base = Number(head[0].id);
const loadBefore = load();

log(`connecting ${SOCKETS} sockets over ${WORKERS} worker threads…`);
const screens = await connectScreens(SOCKETS, WORKERS, {
  url: server.url,
  staffToken: STAFF_TOKEN,
  base,
  capacity: STEADY_RATE * STEADY_S + SURGE_RATE * SURGE_S + 1000,
});
log(`steady: ${STEADY_RATE}/s for ${STEADY_S} s…`);
const steady = await openLoop(server.url, STEADY_RATE, STEADY_S);
log(phase('steady', STEADY_RATE, steady)); // said now too: a failure later must not lose a 10-minute phase
log(`surge: ${SURGE_RATE}/s offered for ${SURGE_S} s…`);
const surge = await openLoop(server.url, SURGE_RATE, SURGE_S);
log(phase('surge', SURGE_RATE, surge));

// What each room was owed: every report event committed since the start (public rooms: the non-sensitive ones).
const { rows: events } = await db.query<{ id: string; sensitive: boolean }>(
  `SELECT id::text, (payload->>'sensitive')::boolean AS sensitive FROM events
    WHERE id > $1 AND kind = 'report.created' ORDER BY events.id`,
  [base],
);
const owedIds = {
  staff: events.map((e) => Number(e.id)),
  public: events.filter((e) => !e.sensitive).map((e) => Number(e.id)),
};
// Wait for the screens to catch up: until every socket has its room's count, or nothing has moved for 30 s.
const drainStarted = performance.now();
let lastMove = drainStarted;
for (let seen = await screens.progress(), before = seen; ; before = seen, seen = await screens.progress()) {
  if (seen.staff >= owedIds.staff.length && seen.public >= owedIds.public.length) break;
  if (seen.staff !== before.staff || seen.public !== before.public) lastMove = performance.now();
  if (performance.now() - lastMove > 30_000) break;
  await sleep(500);
}
const drainS = (performance.now() - drainStarted) / 1000;
const lag = await feedLag(server.url);
const tally = await screens.tally({ staff: bitsOf(owedIds.staff, base), public: bitsOf(owedIds.public, base) });

// Acknowledged but missing: answered 201 with an id the database does not hold.
const acknowledged = [...steady.samples, ...surge.samples].filter((s) => s.status === 201).map((s) => s.id);
const { rows: stored } = await db.query<{ n: number }>(
  'SELECT count(*)::int AS n FROM reports WHERE id = ANY($1::bigint[])',
  [acknowledged],
);
const missingAcks = acknowledged.length - stored[0].n;

console.log(`\n# bench:surge  ${cpus().length} × ${cpus()[0]?.model ?? '?'}, node ${process.version}`);
console.log(`load average before ${loadBefore}, after ${load()}\n`);
console.log('| phase | offered | accepted | p50 ms | p99 ms | not 201 |');
console.log('|---|---|---:|---:|---:|---:|');
console.log(phase('steady', STEADY_RATE, steady));
console.log(phase('surge', SURGE_RATE, surge));
console.log(
  `\nsockets: ${tally.sockets} (staff ${tally.staff}), every report event exactly once: ${tally.exact} of ${tally.sockets}` +
    ` (missing ${tally.missing}, duplicates ${tally.duplicates}, not owed ${tally.extra}; mustRefetch ${tally.refetches},` +
    ` reconnects ${tally.reconnects}); owed ${owedIds.staff.length} staff / ${owedIds.public.length} public events,` +
    ` last delivered ${drainS.toFixed(1)} s after the load ended`,
);
console.log(`feed lag (write → emit, from /metrics): ${lag}`);
console.log(`acknowledged but missing: ${missingAcks} of ${acknowledged.length} (must be 0)`);

screens.close();
await server.stop();
await db.end();
await cluster.stop();
rmSync(dir, { recursive: true, force: true });
process.exit(missingAcks === 0 ? 0 : 1);

/** The feed process's lag histogram from /metrics, as the bucket bounds under which half and 99 % of events fell. */
async function feedLag(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(30_000) }).catch((e: Error) => e);
  if (res instanceof Error) return `not read (${res.message}: ${String((res.cause as Error | undefined)?.message)})`;
  const text = await res.text();
  const buckets = [...text.matchAll(/^hientruong_feed_lag_seconds_bucket\{le="([^"]+)"\} (\d+)$/gm)].map((m) => ({
    le: m[1],
    n: Number(m[2]),
  }));
  const total = buckets.at(-1)?.n ?? 0;
  const under = (q: number) => buckets.find((b) => b.n >= q * total)?.le ?? '?';
  return `${total} events of every kind, p50 ≤ ${under(0.5)} s, p99 ≤ ${under(0.99)} s`;
}

function phase(name: string, rate: number, r: LoadResult): string {
  // Accepted per second of the phase's real span, first send to last answer: a server slower than the offer takes longer.
  const first = r.samples.reduce((m, x) => Math.min(m, x.sentAt), Infinity);
  const span = (r.samples.reduce((m, x) => Math.max(m, x.sentAt + x.ms), first) - first) / 1000;
  const statuses = new Map<number, number>();
  for (const x of r.samples) if (x.status !== 201) statuses.set(x.status, (statuses.get(x.status) ?? 0) + 1);
  const others = [...statuses].map(([status, n]) => `${n} × ${status || 'no answer'}`).join(', ') || '0';
  return `| ${name} | ${rate}/s × ${r.seconds} s | ${r.ok} in ${span.toFixed(0)} s: ${(r.ok / span).toFixed(1)}/s (${((100 * r.ok) / Math.max(1, r.samples.length)).toFixed(1)} %) | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${others} |`;
}
