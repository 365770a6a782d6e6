// Loads a replay period: the state at its start (GET /api/v1/events/baseline) and its event log (GET /api/v1/events),
// both paged with `after`=`next` until the server says there is no more.
import type { Baseline, LoggedEvent } from './replay-log.ts';

const PAGE = 5000;

type Get = <T>(path: string) => Promise<T>;

interface BaselinePage {
  reports: Baseline['reports'];
  units: Baseline['units'];
  next: string | null;
}

export async function fetchReplayLog(
  get: Get,
  from: number,
  to: number,
): Promise<{ baseline: Baseline; events: LoggedEvent[] }> {
  const since = new Date(from).toISOString();
  const until = new Date(to + 1).toISOString(); // the period's last millisecond included
  const baseline: Baseline = { reports: [], units: [] };
  for (let after = '0'; ;) {
    const page = await get<BaselinePage>(`/api/v1/events/baseline?at=${since}&after=${after}&limit=${PAGE}`);
    baseline.reports.push(...page.reports);
    baseline.units.push(...page.units);
    if (!page.next) break;
    after = page.next;
  }
  const events: LoggedEvent[] = [];
  for (let after = '0'; ;) {
    const q = `from=${since}&to=${until}&after=${after}&limit=${PAGE}`;
    const page = await get<{ events: LoggedEvent[]; next: string | null }>(`/api/v1/events?${q}`);
    events.push(...page.events);
    if (!page.next) break;
    after = page.next;
  }
  return { baseline, events };
}
