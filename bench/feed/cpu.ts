// CPU time by process, from /proc (Linux): where a report's cost goes when server, Postgres and the load
// generator share the machine's cores.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_US = 10_000; // USER_HZ is 100 on Linux

/** utime + stime, and the parent pid, of one process; null once it has ended. */
function processStat(pid: number | string): { ticks: number; ppid: number; postgres: boolean } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name: ppid is the 2nd, utime and stime the 12th and 13th.
    const fields = stat.split(') ')[1].split(' ');
    return { ticks: Number(fields[11]) + Number(fields[12]), ppid: Number(fields[1]), postgres: stat.includes('(postgres)') };
  } catch {
    return null;
  }
}

/** Ticks of the server process, of its child processes (the feed process), and of every Postgres process. */
function processTicks(serverPid: number): { server: number; children: number; postgres: number } {
  const out = { server: processStat(serverPid)?.ticks ?? 0, children: 0, postgres: 0 };
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = processStat(pid);
    if (stat?.postgres) out.postgres += stat.ticks;
    else if (stat?.ppid === serverPid) out.children += stat.ticks;
  }
  return out;
}

function idleTicks(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return cpu[3] + cpu[4]; // idle + iowait, all cores
}

/** serverUs counts the server's child processes too; feedUs is that part alone. */
export interface CpuSplit { serverUs: number; feedUs: number; postgresUs: number; loadUs: number; idleUs: number }

/** Starts counting; the returned function gives µs of CPU per unit of work (e.g. per report) since then. */
export function cpuMeter(serverPid: number): (units: number) => CpuSplit {
  const before = processTicks(serverPid), idle = idleTicks(), load = process.cpuUsage();
  return (units) => {
    const used = process.cpuUsage(load);
    const now = processTicks(serverPid);
    const per = (ticks: number) => (ticks * TICK_US) / units;
    return {
      serverUs: per(now.server - before.server + now.children - before.children),
      feedUs: per(now.children - before.children),
      postgresUs: per(now.postgres - before.postgres),
      loadUs: (used.user + used.system) / units,
      idleUs: per(idleTicks() - idle),
    };
  };
}
