// Queue + units + the selected report's detail, kept fresh by the live feed (refetch on notice, coalesced).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { dispatchApi, type QueueFilters } from './dispatch-api.ts';
import type { DuplicateDTO, QueueItemDTO, TimelineEntryDTO, UnitDTO, UnitNotice } from './dispatch-types.ts';

export interface Detail {
  item: QueueItemDTO | null;
  timeline: TimelineEntryDTO[];
  duplicates: DuplicateDTO[];
  nearest: UnitDTO[];
  /** Whom the report is routed to and the trade it needs, to say who is missing when no unit matches. */
  routed: { agencyId: string | null; trade: string | null };
}

const PAGE = 100;
const EMPTY: Detail = {
  item: null,
  timeline: [],
  duplicates: [],
  nearest: [],
  routed: { agencyId: null, trade: null },
};

export function useDispatchQueue(filters: QueueFilters, selectedId: string | null) {
  const [items, setItems] = useState<QueueItemDTO[]>([]);
  const [total, setTotal] = useState(0);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [units, setUnits] = useState<Record<string, UnitDTO>>({});
  const [detail, setDetail] = useState<Detail>(EMPTY);
  const [loaded, setLoaded] = useState(false);
  const f = useRef(filters);
  f.current = filters;
  const sel = useRef(selectedId);
  sel.current = selectedId;

  // A refresh reloads as many rows as the dispatcher has paged in, so the list does not jump back to one page.
  const shown = useRef(PAGE);
  const loadQueue = useCallback(async () => {
    const q = await dispatchApi.queue(f.current, { limit: Math.min(500, Math.max(PAGE, shown.current)) });
    setItems(q.items);
    setTotal(q.total);
    setNextCursor(q.nextCursor);
    setLoaded(true);
  }, []);
  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    const q = await dispatchApi.queue(f.current, { cursor: nextCursor, limit: PAGE });
    setItems((old) => {
      const seen = new Set(old.map((i) => i.id));
      const merged = [...old, ...q.items.filter((i) => !seen.has(i.id))];
      shown.current = merged.length;
      return merged;
    });
    setNextCursor(q.nextCursor);
  }, [nextCursor]);
  const loadUnits = useCallback(async () => {
    const u = await dispatchApi.units();
    setUnits(Object.fromEntries(u.units.map((x) => [x.id, x])));
  }, []);
  const loadDetail = useCallback(async (id: string | null) => {
    if (!id) return setDetail(EMPTY);
    const [item, timeline, duplicates, nearest] = await Promise.all([
      dispatchApi.item(id),
      dispatchApi.timeline(id),
      dispatchApi.duplicates(id).catch(() => ({ candidates: [] })),
      dispatchApi.nearest(id).catch(() => ({ units: [], routed: EMPTY.routed })),
    ]);
    if (sel.current === id)
      setDetail({
        item,
        timeline: timeline.entries,
        duplicates: duplicates.candidates,
        nearest: nearest.units,
        routed: nearest.routed,
      });
  }, []);

  const refreshAll = useCallback(() => {
    void loadQueue().catch(() => {});
    void loadUnits().catch(() => {});
    void loadDetail(sel.current).catch(() => {});
  }, [loadQueue, loadUnits, loadDetail]);

  useEffect(() => {
    shown.current = PAGE;
    void loadQueue().catch(() => {});
  }, [filters, loadQueue]);
  useEffect(() => {
    void loadDetail(selectedId).catch(() => setDetail(EMPTY));
  }, [selectedId, loadDetail]);
  useEffect(() => {
    void loadUnits().catch(() => {});
    // Positions also arrive as unit notices; this poll only covers a feed that does not carry them.
    const t = setInterval(() => void loadUnits().catch(() => {}), 5000);
    return () => clearInterval(t);
  }, [loadUnits]);

  // Many notices in a burst cost one refetch.
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onReport = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = null;
      refreshAll();
    }, 120);
  }, [refreshAll]);
  const onUnit = useCallback((n: UnitNotice) => {
    setUnits((u) =>
      u[n.unitId] && u[n.unitId].version >= n.version
        ? u
        : {
            ...u,
            [n.unitId]: {
              ...(u[n.unitId] ?? { name: n.unitId, positionAt: null }),
              id: n.unitId,
              agencyId: n.agencyId,
              status: n.status,
              lat: n.lat,
              lng: n.lng,
              version: n.version,
              reportIds: n.reportIds,
            },
          },
    );
  }, []);

  const unitList = useMemo(() => Object.values(units), [units]);
  return { items, total, nextCursor, loadMore, units: unitList, detail, loaded, refreshAll, onReport, onUnit };
}
