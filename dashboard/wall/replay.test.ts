import { describe, expect, it } from 'vitest';
import { replayCounts, type LoggedEvent } from './replay.ts';

const ev = (id: string, kind: string, at: string, reportId: string, status: string, version: number): LoggedEvent => ({
  id,
  kind,
  at,
  payload: { reportId, status, version },
});

describe('replayCounts', () => {
  const events = [
    ev('1', 'report.created', '2026-12-05T08:00:00Z', 'a', 'received', 1),
    ev('2', 'report.created', '2026-12-05T08:10:00Z', 'b', 'received', 1),
    ev('3', 'report.updated', '2026-12-05T08:20:00Z', 'a', 'triaged', 2),
    ev('4', 'report.updated', '2026-12-05T09:00:00Z', 'a', 'resolved', 3),
    { id: '5', kind: 'hotspot', at: '2026-12-05T09:30:00Z', payload: {} },
  ];
  it('counts what had happened by the moment, each report at its last status then', () => {
    expect(replayCounts(events, Date.parse('2026-12-05T08:05:00Z'))).toEqual({
      received: 1,
      open: 1,
      resolved: 0,
      hotspots: 0,
    });
    expect(replayCounts(events, Date.parse('2026-12-05T09:00:00Z'))).toEqual({
      received: 2,
      open: 1,
      resolved: 1,
      hotspots: 0,
    });
    expect(replayCounts(events, Date.parse('2026-12-05T10:00:00Z')).hotspots).toBe(1);
  });
  it('an older version arriving later does not undo a newer status', () => {
    const shuffled = [events[0], events[3], events[2]];
    expect(replayCounts(shuffled, Date.parse('2026-12-05T12:00:00Z'))).toMatchObject({ open: 0, resolved: 1 });
  });
});
