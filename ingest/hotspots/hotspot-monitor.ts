// Watches the last 24 h of reports and appends a `hotspot` event (domain/hotspot-event.ts) when a cell becomes
// a new or intensifying >= 95 % hot spot of a category, or when two or more categories become hot spots in it
// together. The feed delivers the event to staff rooms only.
//
// Timing: a cheap probe (the newest event id) every `pollMs`; when it moved, a run starts if the last one is at
// least `calmGapMs` old (so within ~2 s of a report when calm), or `surgeGapMs` (10 s) when the last run saw
// `surgeEvents` or more new events. At least once a minute anyway, since the hour bins move.
// Incremental: Gi* is recomputed only for the (category, hour) bins whose counts changed since the last run.
// One monitor per database: only the process holding an advisory lock (sql/advisory-lease.ts) runs; the others
// wait and take over within `leaseMs` when it stops or dies, re-reading what was already announced.
import { HOTSPOT_EVENT_KIND, type HotspotEventPayload } from '../../domain/hotspot-event.ts';
import type { BinStats, HotspotGrid } from '../../geo/hotspot-grid.ts';
import type { AreaLookup } from '../../geo/types.ts';
import { AdvisoryLease, HOTSPOT_MONITOR_LOCK } from '../../sql/advisory-lease.ts';
import { withTransaction, type Db } from '../../sql/db.ts';
import { appendEvents } from '../../sql/queries/events.ts';
import { newestEventId, recentHotspotPayloads } from '../../sql/queries/hotspot-counts.ts';
import {
  categorySetStats,
  cooccurrences,
  HotspotGrids,
  loadCube,
  sumBins,
  windowEnd,
  WINDOWS,
} from './hotspot-analysis.ts';
import { hotspotPayload } from './hotspot-payload.ts';

export interface HotspotMonitorOptions {
  res?: number;
  pollMs?: number;
  calmGapMs?: number;
  surgeGapMs?: number;
  surgeEvents?: number;
  /** How often the lock holder checks it still holds it, and a waiting process tries to take it. */
  leaseMs?: number;
  now?: () => Date;
  onError?: (e: unknown) => void;
}

export interface HotspotMonitor {
  /** Runs one analysis now (tests); resolves with the events it appended. */
  runNow(): Promise<HotspotEventPayload[]>;
  /** Whether this process is the one that watches (it holds the lock). */
  isLeader(): boolean;
  stop(): Promise<void>;
}

export function startHotspotMonitor(
  db: Db,
  grids: HotspotGrids,
  areas: AreaLookup,
  opts: HotspotMonitorOptions = {},
): HotspotMonitor {
  const res = opts.res ?? 8;
  const now = opts.now ?? (() => new Date());
  const cache = new Map<string, { counts: Float64Array; stats: BinStats }>();
  const announced = new Set<string>(); // `${change}|${category}|${cell}` currently true and already told
  let seeded = false;
  let lastSeen = '';
  let lastRunAt = 0;
  let eventsAtLastRun = 0n;
  let running: Promise<HotspotEventPayload[]> | null = null;
  let stopped = false;
  const lease = new AdvisoryLease(db, HOTSPOT_MONITOR_LOCK, opts.leaseMs ?? 5000);

  const statsOf = async (grid: HotspotGrid, category: string, hourMs: number, counts: Float64Array) => {
    const key = `${category}|${hourMs}`;
    const hit = cache.get(key);
    if (hit && sameCounts(hit.counts, counts)) return hit.stats;
    const stats = grid.binStats(counts);
    cache.set(key, { counts, stats });
    // One bin's Gi* takes milliseconds; a first run has hundreds of them. Reports keep their turn in between.
    await nextTurn();
    return stats;
  };

  async function analyse(): Promise<HotspotEventPayload[]> {
    if (!seeded) {
      for (const p of await recentHotspotPayloads(db, HOTSPOT_EVENT_KIND, 24)) {
        const e = p as unknown as HotspotEventPayload;
        if (e.res === res) announced.add(`${e.change}|${e.category ?? ''}|${e.cell}`);
      }
      seeded = true;
    }
    const grid = grids.at(res); // built on the first run, not while the server starts
    const at = now();
    const { bins, binSeconds } = WINDOWS['24h'];
    const firstHour = windowEnd(at).getTime() - bins * binSeconds * 1000;
    const cube = await loadCube(db, grid, { res, window: '24h', now: at });
    for (const key of cache.keys()) if (Number(key.split('|')[1]) < firstHour) cache.delete(key);
    const current = new Set<string>();
    const out: HotspotEventPayload[] = [];
    for (const [category, series] of cube) {
      // Each category in turns of its own, then the co-occurrences: a surge's reports never wait for a whole run.
      await nextTurn();
      const perBin: BinStats[] = [];
      for (const [b, x] of series.entries())
        perBin.push(await statsOf(grid, category, firstHour + b * binSeconds * 1000, x));
      const last = perBin[bins - 1];
      const total = sumBins(series, grid.cells.length);
      for (let i = 0; i < grid.cells.length; i++) {
        if (last.bins[i] < 2 || series[bins - 1][i] === 0) continue; // a 95 % hot spot where reports are now
        const { pattern } = grid.patternOf(i, perBin);
        if (pattern !== 'new' && pattern !== 'intensifying') continue;
        const key = `${pattern}|${category}|${grid.cells[i]}`;
        current.add(key);
        if (announced.has(key)) continue;
        out.push(hotspotPayload(grid, res, areas, i, pattern, category, [category], last, total[i], at));
      }
    }
    await nextTurn();
    const togetherOf = categorySetStats(grid, cube);
    for (const c of cooccurrences(grid, cube)) {
      const i = grid.indexOf(c.cell)!;
      const key = `cooccurrence||${c.cell}`;
      current.add(key);
      if (announced.has(key)) continue;
      const { all, stats } = togetherOf(c.categories);
      out.push(hotspotPayload(grid, res, areas, i, 'cooccurrence', null, c.categories, stats, all[i], at));
    }
    for (const key of announced) if (!current.has(key)) announced.delete(key); // it may become one again later
    if (out.length > 0)
      await withTransaction(db, (tx) =>
        appendEvents(
          tx,
          out.map((p) => ({ reportId: null, kind: HOTSPOT_EVENT_KIND, payload: p })),
        ),
      );
    for (const p of out) announced.add(`${p.change}|${p.category ?? ''}|${p.cell}`);
    return out;
  }

  const runNow = () => {
    running ??= analyse().finally(() => {
      running = null;
      lastRunAt = Date.now();
    });
    return running;
  };

  // stop() waits for the poll in progress: one still taking the lock would otherwise keep it, and its connection,
  // after the release (and the pool's end would wait for that connection forever).
  let polling: Promise<void> = Promise.resolve();
  const poll = () => {
    polling = pollOnce();
  };
  const pollOnce = async () => {
    try {
      if ((await leads()) && !stopped) await watch();
    } catch (e) {
      opts.onError?.(e);
    }
    if (!stopped) timer = setTimeout(poll, opts.pollMs ?? 500);
  };
  /** Whether this process watches now; another holds the lock otherwise. */
  const leads = async () => {
    const wasLeader = lease.held;
    const leader = await lease.hold();
    if (leader && !wasLeader) seeded = false; // taking over: read what the previous holder announced
    return leader;
  };
  const watch = async () => {
    const newest = await newestEventId(db);
    const moved = newest !== lastSeen;
    const since = Date.now() - lastRunAt;
    const surge = BigInt(newest) - eventsAtLastRun >= BigInt(opts.surgeEvents ?? 30);
    const gap = surge ? (opts.surgeGapMs ?? 10_000) : (opts.calmGapMs ?? 1_000);
    if ((moved && since >= gap) || since >= 60_000) {
      lastSeen = newest;
      eventsAtLastRun = BigInt(newest);
      await runNow();
    }
  };
  let timer: NodeJS.Timeout | null = setTimeout(poll, 0);

  return {
    runNow,
    isLeader: () => lease.held,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await polling;
      await running?.catch(() => {});
      await lease.release();
    },
  };
}

function sameCounts(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
