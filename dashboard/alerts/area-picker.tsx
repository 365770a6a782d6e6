// The alert's area: communes ticked in a filtered list or clicked on the map, a circle centred by a click,
// or a polygon whose vertices are clicked (or pasted as GeoJSON).
import { useMemo, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature } from 'geojson';
import { MapView } from '../map/map-view.tsx';
import { baseStyle, boundsOf } from '../map/base-style.ts';
import { areasLayer, type AreaFeature } from '../layers/areas-layer.ts';
import type { Reference } from '../data/use-reference.ts';
import type { Theme } from '../layers/palette.ts';
import { useAlertsI18n } from './strings.ts';

export interface AreaDraft {
  mode: 'communes' | 'circle' | 'polygon';
  communes: string[];
  circle: { lat: number; lng: number; radiusM: number } | null;
  /** Open ring of [lng, lat] vertices; closed when sent. */
  polygon: [number, number][];
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .toLowerCase();

export function AreaPicker(props: {
  value: AreaDraft;
  onChange: (v: AreaDraft) => void;
  reference: Reference;
  theme: Theme;
}) {
  const { value: v, onChange, reference, theme } = props;
  const { a } = useAlertsI18n();
  const [filter, setFilter] = useState('');
  const communes = useMemo(
    () =>
      ((reference.communes?.features ?? []) as AreaFeature[])
        .map((f) => ({ code: f.properties.code, name: f.properties.fullName ?? f.properties.name }))
        .sort((x, y) => x.name.localeCompare(y.name, 'vi')),
    [reference.communes],
  );
  const shown = communes.filter((c) => !filter || fold(c.name).includes(fold(filter)) || c.code.includes(filter));
  const toggle = (code: string) =>
    onChange({
      ...v,
      communes: v.communes.includes(code) ? v.communes.filter((c) => c !== code) : [...v.communes, code],
    });
  const onClick = (info: PickingInfo) => {
    const [lng, lat] = info.coordinate ?? [];
    if (v.mode === 'communes') {
      const code = (info.object as AreaFeature | undefined)?.properties?.code;
      if (code) toggle(code);
    } else if (lat !== undefined && lng !== undefined) {
      const p: [number, number] = [Math.round(lng * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
      if (v.mode === 'circle') onChange({ ...v, circle: { lat: p[1], lng: p[0], radiusM: v.circle?.radiusM ?? 2000 } });
      else onChange({ ...v, polygon: [...v.polygon, p] });
    }
  };
  const selected = new Set(v.communes);
  const layers = useMemo(() => {
    const picked = {
      type: 'FeatureCollection' as const,
      features: ((reference.communes?.features ?? []) as AreaFeature[]).filter((f) => selected.has(f.properties.code)),
    };
    const drawn: Feature[] = v.polygon.length
      ? [
          {
            type: 'Feature',
            properties: {},
            geometry:
              v.polygon.length > 2
                ? { type: 'Polygon', coordinates: [[...v.polygon, v.polygon[0]]] }
                : { type: 'LineString', coordinates: v.polygon },
          },
        ]
      : [];
    return [
      ...areasLayer(reference.communes, { theme }),
      new GeoJsonLayer({ id: 'picked', data: picked, getFillColor: [230, 90, 20, 90], getLineColor: [230, 90, 20] }),
      new GeoJsonLayer({ id: 'drawn', data: drawn, getFillColor: [230, 90, 20, 90], getLineColor: [230, 90, 20] }),
    ];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reference.communes, theme, v.communes, v.polygon]);
  const style = useMemo(
    () => baseStyle(theme, reference.communes, reference.province),
    [theme, reference.communes, reference.province],
  );
  const mode = (m: AreaDraft['mode']) => (
    <label style={{ display: 'inline-flex', gap: 4, marginRight: 12 }}>
      <input type="radio" name="area-mode" checked={v.mode === m} onChange={() => onChange({ ...v, mode: m })} />
      {a(`compose.area.${m}`)}
    </label>
  );
  return (
    <fieldset>
      <legend>{a('compose.area')}</legend>
      <div>
        {mode('communes')}
        {mode('circle')}
        {mode('polygon')}
      </div>
      {v.mode === 'communes' && (
        <>
          <label>
            {a('compose.filter')} ({v.communes.length} {a('compose.selected')})
            <input value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="commune-filter" />
          </label>
          <div className="communes" role="group" aria-label={a('compose.area.communes')}>
            {shown.map((c) => (
              <label key={c.code}>
                <input
                  type="checkbox"
                  checked={selected.has(c.code)}
                  onChange={() => toggle(c.code)}
                  data-commune={c.code}
                />
                {c.name}
              </label>
            ))}
          </div>
        </>
      )}
      {v.mode === 'circle' && (
        <div className="row">
          {(['lat', 'lng', 'radiusM'] as const).map((k) => (
            <label key={k}>
              {a(k === 'radiusM' ? 'compose.radius' : `compose.${k}`)}
              <input
                type="number"
                step="any"
                value={v.circle?.[k] ?? ''}
                onChange={(e) =>
                  onChange({
                    ...v,
                    circle: { lat: 0, lng: 0, radiusM: 2000, ...v.circle, [k]: Number(e.target.value) },
                  })
                }
              />
            </label>
          ))}
        </div>
      )}
      {v.mode === 'polygon' && (
        <label>
          {a('compose.polygonHint')}
          <textarea
            rows={2}
            value={v.polygon.length ? JSON.stringify(v.polygon) : ''}
            onChange={(e) => {
              try {
                const parsed = JSON.parse(e.target.value) as [number, number][] | { coordinates: [number, number][][] };
                onChange({ ...v, polygon: Array.isArray(parsed) ? parsed : parsed.coordinates[0].slice(0, -1) });
              } catch {
                /* keep typing */
              }
            }}
          />
        </label>
      )}
      <p className="small">{a('compose.mapHint')}</p>
      <div className="pick-map">
        <MapView
          style={style}
          bounds={boundsOf(reference.province) ?? boundsOf(reference.communes)}
          layers={layers}
          onClick={onClick}
          label={a('compose.area')}
        />
      </div>
    </fieldset>
  );
}
