// CPU time by process, from /proc (Linux): where a report's cost goes when server, Postgres and the load
// generator share the machine's cores.
import { readdirSync, readFileSync } from 'node:fs';

const TICK_US = 10_000; // USER_HZ is 100 on Linux

function processTicks(pid: number | string): number {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // the process ended
  }
}

function postgresTicks(): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/stat`, 'utf8').includes('(postgres)')) ticks += processTicks(pid);
    } catch { /* gone */ }
  }
  return ticks;
}

function idleTicks(): number {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].split(/\s+/).slice(1).map(Number);
  return cpu[3] + cpu[4]; // idle + iowait, all cores
}

export interface CpuSplit { serverUs: number; postgresUs: number; loadUs: number; idleUs: number }

/** Starts counting; the returned function gives µs of CPU per unit of work (e.g. per report) since then. */
export function cpuMeter(serverPid: number): (units: number) => CpuSplit {
  const server = processTicks(serverPid), postgres = postgresTicks(), idle = idleTicks(), load = process.cpuUsage();
  return (units) => {
    const used = process.cpuUsage(load);
    const per = (ticks: number) => (ticks * TICK_US) / units;
    return {
      serverUs: per(processTicks(serverPid) - server),
      postgresUs: per(postgresTicks() - postgres),
      loadUs: (used.user + used.system) / units,
      idleUs: per(idleTicks() - idle),
    };
  };
}
