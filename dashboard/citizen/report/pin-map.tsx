// The drag-a-pin map, loaded only once the citizen asks for it: MapLibre alone (no deck.gl), our own boundaries.
import { useEffect, useRef } from 'react';
import { AttributionControl, Map as MapLibreMap, Marker, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { ATTRIBUTION, baseStyle, boundsOf } from '../../map/base-style.ts';
import { api } from '../../data/api.ts';
import { runtimeConfig } from '../../config.ts';
import type { Place } from './place.ts';

setWorkerUrl(workerUrl);

export default function PinMap({
  place,
  onPlace,
  label,
}: {
  place: Place | null;
  onPlace: (p: Place) => void;
  label: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const marker = useRef<Marker | null>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const latest = useRef(onPlace);
  latest.current = onPlace;
  const start = useRef(place);

  useEffect(() => {
    const map = new MapLibreMap({
      container: el.current!,
      style: runtimeConfig().mapStyleUrl ?? baseStyle('light', null, null),
      center: start.current ? [start.current.lng, start.current.lat] : [105.78, 19.8],
      zoom: start.current ? 14 : 8,
      attributionControl: false,
    });
    map.addControl(new AttributionControl({ compact: true, customAttribution: ATTRIBUTION }));
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    const pin = new Marker({ draggable: true, color: '#b91c1c' });
    marker.current = pin;
    mapRef.current = map;
    const put = (lng: number, lat: number) => {
      pin.setLngLat([lng, lat]).addTo(map);
      latest.current({ lat, lng });
    };
    if (start.current) pin.setLngLat([start.current.lng, start.current.lat]).addTo(map);
    pin.on('dragend', () => {
      const p = pin.getLngLat();
      latest.current({ lat: p.lat, lng: p.lng });
    });
    map.on('click', (e) => put(e.lngLat.lng, e.lngLat.lat));
    const ctl = new AbortController();
    if (!runtimeConfig().mapStyleUrl)
      void Promise.all([api.areas('commune', ctl.signal), api.areas('province', ctl.signal)])
        .then(([communes, province]) => {
          map.setStyle(baseStyle('light', communes, province));
          const b = boundsOf(province);
          if (b && !start.current) map.fitBounds(b, { padding: 16, animate: false });
        })
        .catch(() => {});
    return () => {
      ctl.abort();
      map.remove();
    };
  }, []);

  // A place chosen another way (GPS, address) moves the pin and the camera there.
  useEffect(() => {
    const pin = marker.current;
    const map = mapRef.current;
    if (!pin || !map || !place) return;
    const at = pin.getLngLat();
    if (at && Math.abs(at.lat - place.lat) < 1e-7 && Math.abs(at.lng - place.lng) < 1e-7) return;
    pin.setLngLat([place.lng, place.lat]).addTo(map);
    map.easeTo({ center: [place.lng, place.lat], zoom: Math.max(map.getZoom(), 14) });
  }, [place]);

  return <div ref={el} className="pin-map" role="application" aria-label={label} data-testid="pin-map" />;
}
