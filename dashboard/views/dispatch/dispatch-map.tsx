// The console's live map: communes, the queue's reports, and the field units moving.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { MapView, type MapHandle } from '../../map/map-view.tsx';
import { boundsOf } from '../../map/base-style.ts';
import { pickStyle } from '../../map/pick-style.ts';
import { areasLayer } from '../../layers/areas-layer.ts';
import { placedReports, reportsLayer } from '../../layers/reports-layer.ts';
import type { Theme } from '../../layers/palette.ts';
import type { Reference } from '../../data/use-reference.ts';
import type { QueueItemDTO, UnitDTO } from '../../data/dispatch-types.ts';
import { MapLegend } from './map-legend.tsx';
import { unitLabelsLayer, unitsLayer } from './units-layer.ts';
import { UI_FONT } from '../../layers/labels-layer.ts';
import { matchedStreetLayers } from '../../layers/matched-street-layer.ts';
import { installTestHooks } from '../../map/test-hooks.ts';
import type { AddressCandidateDTO } from '../../../ingest/presenters/dto.ts';
import { StreetSearch } from './street-search.tsx';

export interface DispatchMapProps {
  items: QueueItemDTO[];
  units: UnitDTO[];
  reference: Reference;
  theme: Theme;
  selected: QueueItemDTO | null;
  highlightUnits: ReadonlySet<string>;
  onSelect: (id: string) => void;
  tradeName: (code: string | null) => string | null;
  now: number;
}

export function DispatchMap({
  items,
  units,
  reference,
  theme,
  selected,
  highlightUnits,
  onSelect,
  tradeName,
  now,
}: DispatchMapProps) {
  const style = useMemo(
    () => pickStyle(theme, reference.communes, reference.province),
    [theme, reference.communes, reference.province],
  );
  const bounds = useMemo(
    () => boundsOf(reference.province) ?? boundsOf(reference.communes),
    [reference.province, reference.communes],
  );
  const [match, setMatch] = useState<AddressCandidateDTO | null>(null);
  const layers = useMemo(
    () => [
      ...areasLayer(reference.communes, { theme }),
      ...matchedStreetLayers(match, theme),
      reportsLayer(items, { theme, categoryColors: reference.categoryColors, selectedId: selected?.id ?? null }),
      unitsLayer(units, highlightUnits),
      unitLabelsLayer(units, tradeName, { dark: theme === 'dark', fontFamily: UI_FONT }),
    ],
    [reference.communes, reference.categoryColors, theme, items, selected, units, highlightUnits, tradeName, match],
  );
  const handle = useRef<MapHandle | null>(null);
  const latestItems = useRef(items);
  latestItems.current = items;
  const onReady = useCallback((h: MapHandle | null) => {
    handle.current = h;
    installTestHooks(
      h,
      () => placedReports(latestItems.current),
      () => [],
      () => [],
    );
  }, []);
  // Show the whole matched street, then the house on it.
  const onMatch = useCallback((m: AddressCandidateDTO | null) => {
    setMatch(m);
    const map = handle.current?.map;
    if (!m || !map) return;
    const lngs = m.line.map((p) => p[0]);
    const lats = m.line.map((p) => p[1]);
    map.fitBounds(
      [
        [Math.min(...lngs, m.lng), Math.min(...lats, m.lat)],
        [Math.max(...lngs, m.lng), Math.max(...lats, m.lat)],
      ],
      { padding: 80, maxZoom: 17, duration: 0 },
    );
  }, []);
  const onClick = useCallback(
    (info: PickingInfo) => {
      if (info.layer?.id === 'reports' && info.object) onSelect((info.object as QueueItemDTO).id);
    },
    [onSelect],
  );
  // Follow the selection so the dispatcher sees where it is and which units are around.
  const last = useRef<string | null>(null);
  if (selected && last.current !== selected.id && handle.current) {
    last.current = selected.id;
    const map = handle.current.map;
    map.flyTo({ center: [selected.lng, selected.lat], zoom: Math.max(map.getZoom(), 13), duration: 600 });
  }
  return (
    <>
      <MapView style={style} bounds={bounds} layers={layers} onClick={onClick} onReady={onReady} label="dispatch map" />
      <StreetSearch onMatch={onMatch} />
      <MapLegend reference={reference} theme={theme} selected={selected} now={now} />
    </>
  );
}
