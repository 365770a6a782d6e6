// MapLibre base map with a deck.gl overlay on its own canvas (works with software WebGL).
import { useEffect, useRef } from 'react';
import {
  AttributionControl,
  Map as MapLibreMap,
  NavigationControl,
  addProtocol,
  setWorkerUrl,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { Protocol } from 'pmtiles';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { ATTRIBUTION } from './base-style.ts';
import { drawnOnScreen } from '../layers/areas-layer.ts';

// The bundled worker lives next to the hashed chunks, not next to maplibre's own module URL.
setWorkerUrl(workerUrl);
// pmtiles:// sources (the province's street basemap) read one file by HTTP ranges.
addProtocol('pmtiles', new Protocol().tile);

export interface MapHandle {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  container: HTMLElement;
}

/** What the map shows: zoom and the visible box as [west, south, east, north]. */
export interface Viewport {
  zoom: number;
  bbox: [number, number, number, number];
}

export interface MapViewProps {
  style: StyleSpecification | string;
  bounds: [[number, number], [number, number]] | null;
  layers: Layer[];
  onViewport?: (v: Viewport) => void;
  onHover?: (info: PickingInfo) => void;
  onClick?: (info: PickingInfo) => void;
  onReady?: (handle: MapHandle | null) => void;
  label: string;
}

export function MapView(props: MapViewProps) {
  const el = useRef<HTMLDivElement>(null);
  const handle = useRef<MapHandle | null>(null);
  const latest = useRef(props);
  latest.current = props;
  const shownStyle = useRef(props.style);

  useEffect(() => {
    const container = el.current!;
    const map = new MapLibreMap({
      container,
      style: shownStyle.current,
      center: [105.6, 19.9],
      zoom: 8,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new AttributionControl({ compact: false, customAttribution: ATTRIBUTION }), 'bottom-right');
    map.addControl(new NavigationControl({ showCompass: false }), 'top-left');
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: latest.current.layers,
      onHover: (info) => latest.current.onHover?.(info),
      onClick: (info) => latest.current.onClick?.(info),
      getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
      layerFilter: drawnOnScreen,
      // Screenshots of the overlay canvas need the buffer kept after compositing.
      deviceProps: { type: 'webgl', webgl: { preserveDrawingBuffer: true } },
    });
    map.addControl(overlay);
    const moved = () => {
      const b = map.getBounds();
      latest.current.onViewport?.({
        zoom: map.getZoom(),
        bbox: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      });
    };
    map.on('moveend', moved);
    map.on('load', moved);
    handle.current = { map, overlay, container };
    latest.current.onReady?.(handle.current);
    return () => {
      latest.current.onReady?.(null);
      handle.current = null;
      map.remove();
    };
  }, []);

  useEffect(() => {
    if (!handle.current || shownStyle.current === props.style) return;
    shownStyle.current = props.style;
    handle.current.map.setStyle(props.style, { diff: true });
  }, [props.style]);
  useEffect(() => {
    handle.current?.overlay.setProps({ layers: props.layers });
  }, [props.layers]);

  const fitted = useRef(false);
  useEffect(() => {
    if (!props.bounds || fitted.current || !handle.current) return;
    fitted.current = true;
    handle.current.map.fitBounds(props.bounds, { padding: 32, duration: 0 });
  }, [props.bounds]);

  return <div ref={el} className="map" data-testid="map" role="application" aria-label={props.label} />;
}
