// Hexagon counts from the server's rollups for what the map shows, refreshed as notices arrive.
import { useEffect, useState } from 'react';
import { api, type CellsQuery } from './api.ts';
import { useThrottled } from './use-throttled.ts';
import type { HexCount } from './types.ts';

/** How far back the hexagons count; `all` reads the all-time totals. */
export type CellWindow = '24h' | '7d' | '30d' | 'all';
export const CELL_WINDOWS: CellWindow[] = ['24h', '7d', '30d', 'all'];

/** Counts refresh at most this often while notices stream in (every viewer asks, so not on every notice). */
const REFRESH_MS = 2000;

export interface CellCounts {
  cells: HexCount[];
  /** Public only: sensitive categories as all-time counts per coarse cell, where at least k reports share it. */
  sensitive: HexCount[];
}

const toHex = (list: { cell: string; count: number }[]) => list.map((c) => ({ hex: c.cell, count: c.count }));

export function useCellCounts(token: string | null, query: CellsQuery | null, noticeCount: number): CellCounts {
  const [cells, setCells] = useState<CellCounts>({ cells: [], sensitive: [] });
  const tick = useThrottled(noticeCount, REFRESH_MS);
  const key = query ? JSON.stringify(query) : null;
  useEffect(() => {
    if (!key) return;
    const ctl = new AbortController();
    // A pan ends in several moveends; wait for the map to settle before asking.
    const timer = setTimeout(() => {
      api.cells(JSON.parse(key) as CellsQuery, token, ctl.signal).then(
        (dto) => setCells({ cells: toHex(dto.cells), sensitive: toHex(dto.sensitive?.cells ?? []) }),
        () => {},
      );
    }, 150);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [key, token, tick]);
  return cells;
}
