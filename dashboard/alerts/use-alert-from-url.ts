// A tapped alert notification opens /map?alert=<id>: once the active list has that alert, the map shows its area.
import { useEffect, useRef, type RefObject } from 'react';
import type { AlertDTO } from '../../ingest/presenters/dto.ts';
import type { MapHandle } from '../map/map-view.tsx';

/** `fitted`: the map has taken its first view (the province), which this must come after, not before. */
export function useAlertFromUrl(handle: RefObject<MapHandle | null>, alerts: AlertDTO[], fitted: boolean): void {
  const wanted = useRef(new URLSearchParams(window.location.search).get('alert'));
  useEffect(() => {
    const alert = wanted.current && fitted ? alerts.find((a) => a.id === wanted.current) : undefined;
    const map = handle.current?.map;
    if (!alert || !map) return;
    wanted.current = null; // once: the person may pan away afterwards
    const [w, s, e, n] = alert.bounds;
    map.fitBounds(
      [
        [w, s],
        [e, n],
      ],
      { padding: 48, duration: 0, maxZoom: 14 },
    );
  }, [handle, alerts, fitted]);
}
