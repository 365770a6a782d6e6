// A small street basemap for browser tests: named lines in the OpenMapTiles layers the street style reads
// (transportation, transportation_name), cut into vector tiles with MapLibre's own geojson-vt and vt-pbf.
import { geoJSONToTile } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection, LineString } from 'geojson';
import { writePmtiles } from '../../ingest/test-support/pmtiles-writer.ts';

const tileOf = (lng: number, lat: number, z: number): [number, number] => {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [
    Math.floor(((lng + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  ];
};

/** Every tile from `minZoom` to `maxZoom` over the streets' box, each with both layers. */
export function streetPmtiles(streets: FeatureCollection<LineString>, minZoom = 12, maxZoom = 16): Uint8Array {
  const coords = streets.features.flatMap((f) => f.geometry.coordinates);
  const bounds: [number, number, number, number] = [
    Math.min(...coords.map((c) => c[0])),
    Math.min(...coords.map((c) => c[1])),
    Math.max(...coords.map((c) => c[0])),
    Math.max(...coords.map((c) => c[1])),
  ];
  const roads: FeatureCollection<LineString> = {
    type: 'FeatureCollection',
    features: streets.features.map((f) => ({ ...f, properties: { class: f.properties?.highway ?? 'minor' } })),
  };
  const tiles: { z: number; x: number; y: number; data: Uint8Array }[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const [x0, y0] = tileOf(bounds[0], bounds[3], z);
    const [x1, y1] = tileOf(bounds[2], bounds[1], z);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const layers = {
          transportation: geoJSONToTile(roads, z, x, y),
          transportation_name: geoJSONToTile(streets, z, x, y),
        };
        if (!layers.transportation) continue;
        tiles.push({ z, x, y, data: fromGeojsonVt(layers, { version: 2, extent: 4096 }) });
      }
  }
  return writePmtiles(tiles, { bounds, minZoom, maxZoom });
}
