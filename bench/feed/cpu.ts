// CPU time by process, from /proc (Linux): where a report's cost goes when server, Postgres and the load
// generator share the machine's cores.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TICK_US = 10_000; // USER_HZ is 100 on Linux

/** utime + stime, and the parent pid, of one process; null once it has ended. */
function processStat(pid: number | string): { ticks: number; ppid: number; postgres: boolean } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name: ppid is the 2nd, utime and stime the 12th and 13th.
    const fields = stat.split(') ')[1].split(' ');
    return {
      ticks: Number(fields[11]) + Number(fields[12]),
      ppid: Number(fields[1]),
      postgres: stat.includes('(postgres)'),
    };
  } catch {
    return null;
  }
}

/** Local TCP ports of the sockets `pids` hold open (their ends of their Postgres connections, among others). */
function localPorts(pids: number[]): Set<number> {
  const inodes = new Set<string>();
  for (const pid of pids) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkOrEmpty(`/proc/${pid}/fd/${fd}`));
        if (m) inodes.add(m[1]);
      }
    } catch {
      /* ended meanwhile */
    }
  }
  const ports = new Set<number>();
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length > 9 && inodes.has(f[9])) ports.add(parseInt(f[1].split(':')[1], 16));
  }
  return ports;
}

function readlinkOrEmpty(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '';
  }
}

/** The client port in a backend's title, "postgres: user db 127.0.0.1(54321) idle". */
function backendClientPort(pid: string): number | null {
  try {
    const m = /\((\d+)\)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Ticks of the server process, of its child processes (the feed process), of each Postgres process, and
 * which of those serve the feed process (its reads and its LISTEN): the share of Postgres streaming costs.
 */
function processTicks(serverPid: number): {
  server: number;
  children: number;
  postgres: Map<string, number>;
  feedBackends: Set<string>;
} {
  const out = {
    server: processStat(serverPid)?.ticks ?? 0,
    children: 0,
    postgres: new Map<string, number>(),
    feedBackends: new Set<string>(),
  };
  const children: number[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = processStat(pid);
    if (stat?.postgres) out.postgres.set(pid, stat.ticks);
    else if (stat?.ppid === serverPid) {
      out.children += stat.ticks;
      children.push(Number(pid));
    }
  }
  const feedPorts = children.length ? localPorts(children) : new Set<number>();
  for (const pid of feedPorts.size ? out.postgres.keys() : []) {
    const port = backendClientPort(pid);
    if (port !== null && feedPorts.has(port)) out.feedBackends.add(pid);
  }
  return out;
}

/**
 * Ticks the Postgres processes alive at the end spent since the start (a process that ended in between
 * is left out, rather than subtracting its whole life); with `only`, just those processes.
 */
function postgresDelta(before: Map<string, number>, now: Map<string, number>, only?: Set<string>): number {
  let ticks = 0;
  for (const [pid, t] of now) if (!only || only.has(pid)) ticks += t - (before.get(pid) ?? 0);
  return ticks;
}

function idleTicks(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return cpu[3] + cpu[4]; // idle + iowait, all cores
}

/** serverUs counts the server's child processes too; feedUs is that part alone; feedPostgresUs is part of postgresUs. */
export interface CpuSplit {
  serverUs: number;
  feedUs: number;
  postgresUs: number;
  feedPostgresUs: number;
  loadUs: number;
  idleUs: number;
}

/** Starts counting; the returned function gives µs of CPU per unit of work (e.g. per report) since then. */
export function cpuMeter(serverPid: number): (units: number) => CpuSplit {
  const before = processTicks(serverPid),
    idle = idleTicks(),
    load = process.cpuUsage();
  return (units) => {
    const used = process.cpuUsage(load);
    const now = processTicks(serverPid);
    const per = (ticks: number) => (ticks * TICK_US) / units;
    return {
      serverUs: per(now.server - before.server + now.children - before.children),
      feedUs: per(now.children - before.children),
      postgresUs: per(postgresDelta(before.postgres, now.postgres)),
      feedPostgresUs: per(postgresDelta(before.postgres, now.postgres, now.feedBackends)),
      loadUs: (used.user + used.system) / units,
      idleUs: per(idleTicks() - idle),
    };
  };
}
