// The wall's scenes, configured per wall on the server (GET /api/v1/wall/config): the whole province, one
// commune or city (`area`), the hot spot of the hour. They cycle, each for its seconds, unless one is pinned
// (in the configuration, or with the pin button until the page reloads).
import type { Feature, FeatureCollection } from 'geojson';
import { cellToLatLng } from 'h3-js';
import { useEffect, useState } from 'react';
import { getJson } from '../data/api.ts';
import type { MapHandle } from '../map/map-view.tsx';

export interface Scene {
  kind: 'province' | 'area' | 'hotspot';
  areaCode?: string;
  seconds: number;
}

const DEFAULT_SCENES: Scene[] = [
  { kind: 'province', seconds: 60 },
  { kind: 'hotspot', seconds: 30 },
];

function boundsOf(features: Feature[]): [[number, number], [number, number]] | null {
  let [w, s, e, n] = [180, 90, -180, -90];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      [w, s, e, n] = [Math.min(w, x), Math.min(s, y), Math.max(e, x), Math.max(n, y)];
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  for (const f of features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return w <= e
    ? [
        [w, s],
        [e, n],
      ]
    : null;
}

export function useScenes(
  token: string | null,
  handle: MapHandle | null,
  places: { province: FeatureCollection | null; communes: FeatureCollection | null; topHotspot: string | null },
): { scene: Scene; index: number; count: number; pinned: boolean; togglePin: () => void } {
  const [scenes, setScenes] = useState<Scene[]>(DEFAULT_SCENES);
  const [pinned, setPinned] = useState(false);
  const [index, setIndex] = useState(0);
  useEffect(() => {
    if (!token) return;
    getJson<{ config: { scenes?: Scene[]; pinned?: number | null } }>('/api/v1/wall/config', token)
      .then(({ config }) => {
        if (config.scenes?.length) setScenes(config.scenes);
        if (typeof config.pinned === 'number') {
          setIndex(config.pinned);
          setPinned(true);
        }
      })
      .catch(() => {}); // the defaults stand
  }, [token]);
  const scene = scenes[index % scenes.length];
  useEffect(() => {
    if (pinned) return;
    const timer = setTimeout(() => setIndex((i) => (i + 1) % scenes.length), scene.seconds * 1000);
    return () => clearTimeout(timer);
  }, [pinned, scene, scenes.length]);
  useEffect(() => {
    const map = handle?.map;
    if (!map) return;
    const fit = (b: [[number, number], [number, number]] | null) =>
      b && map.fitBounds(b, { padding: 40, duration: 1500 });
    if (scene.kind === 'province') fit(boundsOf(places.province?.features ?? []));
    if (scene.kind === 'area')
      fit(boundsOf((places.communes?.features ?? []).filter((f) => f.properties?.code === scene.areaCode)));
    if (scene.kind === 'hotspot' && places.topHotspot) {
      const [lat, lng] = cellToLatLng(places.topHotspot);
      map.flyTo({ center: [lng, lat], zoom: 12.5, duration: 1500 });
    }
  }, [handle, scene, places.province, places.communes, places.topHotspot]);
  return { scene, index: index % scenes.length, count: scenes.length, pinned, togglePin: () => setPinned((p) => !p) };
}
