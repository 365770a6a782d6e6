// Replay: the state of the counters at a moment, rebuilt from the event log (GET /api/v1/events), pure.
export interface LoggedEvent {
  id: string;
  kind: string;
  at: string;
  payload: Record<string, unknown>;
}

export interface ReplayCounts {
  received: number;
  open: number;
  resolved: number;
  hotspots: number;
}

const OPEN = new Set(['received', 'triaged', 'assigned', 'in_progress', 'reopened']);
const DONE = new Set(['resolved', 'closed']);

/** Counts as they stood at `atMs`: every report's last status by then, hot-spot notices so far. */
export function replayCounts(events: readonly LoggedEvent[], atMs: number): ReplayCounts {
  const status = new Map<string, string>();
  let received = 0;
  let hotspots = 0;
  for (const e of events) {
    if (Date.parse(e.at) > atMs) continue;
    if (e.kind === 'report.created') received++;
    if (e.kind === 'hotspot') hotspots++;
    if (e.kind === 'report.created' || e.kind === 'report.updated') {
      const id = String(e.payload.reportId);
      const version = Number(e.payload.version);
      const seen = status.get(id);
      if (!seen || version >= Number(seen.split('|')[1])) status.set(id, `${String(e.payload.status)}|${version}`);
    }
  }
  let open = 0;
  let resolved = 0;
  for (const v of status.values()) {
    const s = v.split('|')[0];
    if (OPEN.has(s)) open++;
    if (DONE.has(s)) resolved++;
  }
  return { received, open, resolved, hotspots };
}
