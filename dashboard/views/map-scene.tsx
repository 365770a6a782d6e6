// The shared map: base style, deck.gl layers from the pure builders, hover card, and test hooks.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PickingInfo } from '@deck.gl/core';
import { MapView, type MapHandle, type Viewport } from '../map/map-view.tsx';
import { boundsOf } from '../map/base-style.ts';
import { pickStyle } from '../map/pick-style.ts';
import { installTestHooks } from '../map/test-hooks.ts';
import { areasLayer, type AreaFeature } from '../layers/areas-layer.ts';
import {
  cellsQueryFor,
  hexagonLayer,
  sensitiveLayer,
  SENSITIVE_LAYER_ID,
  type HexCount,
} from '../layers/hexagon-layer.ts';
import { labelsLayer } from '../layers/labels-layer.ts';
import { alertsLayer } from '../layers/alerts-layer.ts';
import { AlertBanner } from '../alerts/alert-banner.tsx';
import { alertInView } from '../alerts/in-view.ts';
import type { AlertDTO } from '../../ingest/presenters/dto.ts';
import { placedReports, reportsLayer, type PlacedReport } from '../layers/reports-layer.ts';
import type { Theme } from '../layers/palette.ts';
import { useFontReady } from '../data/use-prefs.ts';
import { useCellCounts, type CellWindow } from '../data/use-cell-counts.ts';
import type { Reference } from '../data/use-reference.ts';
import type { Report } from '../data/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { LayerToggles, type LayerVisibility } from '../components/layer-toggles.tsx';
import { MapLegend } from '../components/map-legend.tsx';
import { MapControls } from '../components/map-controls.tsx';
import { MapTooltip, type HoverTarget } from '../components/map-tooltip.tsx';

export interface MapSceneProps {
  reports: Report[];
  /** Bearer token for the cell counts (null: the public answer). */
  token: string | null;
  /** Bumps on every applied notice: the hexagon counts refresh on it. */
  noticeCount: number;
  reference: Reference;
  theme: Theme;
  areaName: (r: Report) => string;
  /** Reports per commune: shades communes (public view). */
  areaCounts?: Record<string, number> | null;
  selectedId: string | null;
  onSelect: (r: Report | null) => void;
  onHandle?: (h: MapHandle | null) => void;
  /** Active official alerts: those meeting the view are drawn and named in a banner. */
  alerts?: AlertDTO[];
  /** Told after every pan or zoom (the public map watches the alerts of what it shows). */
  onViewport?: (v: Viewport) => void;
}

export function MapScene({
  reports,
  token,
  noticeCount,
  reference,
  theme,
  areaName,
  areaCounts = null,
  selectedId,
  onSelect,
  onHandle,
  alerts = [],
  onViewport,
}: MapSceneProps) {
  const { lang, t } = useI18n();
  const fontReady = useFontReady();
  const [view, setViewState] = useState<Viewport | null>(null);
  const setView = useCallback(
    (v: Viewport) => {
      setViewState(v);
      onViewport?.(v);
    },
    [onViewport],
  );
  const zoom = view?.zoom ?? 8;
  const [cellWindow, setCellWindow] = useState<CellWindow>('7d');
  const [hover, setHover] = useState<{ x: number; y: number; target: HoverTarget; areaCode?: string } | null>(null);
  const [visible, setVisible] = useState<LayerVisibility>({ hexagons: true, points: true, labels: true });
  const placed = useRef<PlacedReport[]>([]);
  const shownCells = useRef<HexCount[]>([]);
  const shownSensitive = useRef<HexCount[]>([]);

  const style = useMemo(
    () => pickStyle(theme, reference.communes, reference.province),
    [theme, reference.communes, reference.province],
  );
  const bounds = useMemo(
    () => boundsOf(reference.province) ?? boundsOf(reference.communes),
    [reference.province, reference.communes],
  );

  // One memo per layer so a hover does not re-aggregate hexagons or re-place labels.
  const hoveredCode = hover?.target.kind === 'area' ? (hover.areaCode ?? null) : null;
  const areas = useMemo(
    () => areasLayer(reference.communes, { theme, hoveredCode, counts: areaCounts }),
    [reference.communes, theme, hoveredCode, areaCounts],
  );
  const cellsQuery = useMemo(
    () => (view && visible.hexagons ? cellsQueryFor(view, cellWindow) : null),
    [view, visible.hexagons, cellWindow],
  );
  const counts = useCellCounts(token, cellsQuery, noticeCount);
  const hexes = useMemo(() => {
    shownCells.current = visible.hexagons ? counts.cells : [];
    return hexagonLayer(counts.cells, { visible: visible.hexagons });
  }, [counts.cells, visible.hexagons]);
  const sensitive = useMemo(() => {
    shownSensitive.current = visible.hexagons ? counts.sensitive : [];
    return sensitiveLayer(counts.sensitive, { visible: visible.hexagons });
  }, [counts.sensitive, visible.hexagons]);
  // Built only once the font is loaded: the glyph atlas is cached per font and would keep a fallback face.
  const labels = useMemo(
    () => (fontReady && visible.labels ? labelsLayer(reference.communes, { theme, lang, zoom, fontReady }) : null),
    [reference.communes, theme, lang, zoom, fontReady, visible.labels],
  );
  const points = useMemo(() => {
    placed.current = placedReports(reports);
    return reportsLayer(reports, {
      theme,
      categoryColors: reference.categoryColors,
      selectedId,
      visible: visible.points,
    });
  }, [reports, theme, reference.categoryColors, selectedId, visible.points]);
  const alertsInView = useMemo(() => (view ? alerts.filter((a) => alertInView(a, view.bbox)) : []), [alerts, view]);
  const shownAlerts = useRef<string[]>([]);
  const alertAreas = useMemo(() => {
    shownAlerts.current = alertsInView.map((a) => a.id);
    return alertsLayer(alertsInView);
  }, [alertsInView]);
  // Names sit on top so they stay readable over dense points.
  const layers = useMemo(
    () => [areas, alertAreas, hexes, sensitive, points, ...(labels ? [labels] : [])],
    [areas, alertAreas, hexes, sensitive, labels, points],
  );

  const onHover = useCallback(
    (info: PickingInfo) => {
      if (!info.object || !info.layer) return setHover(null);
      const id = info.layer.id;
      if (id === 'reports')
        return setHover({ x: info.x, y: info.y, target: { kind: 'report', report: info.object as Report } });
      if (id === 'hexagons')
        return setHover({ x: info.x, y: info.y, target: { kind: 'hex', count: (info.object as HexCount).count } });
      if (id === SENSITIVE_LAYER_ID)
        return setHover({
          x: info.x,
          y: info.y,
          target: { kind: 'sensitive', count: (info.object as HexCount).count },
        });
      const p = (info.object as AreaFeature).properties;
      if (!p) return setHover(null);
      setHover({
        x: info.x,
        y: info.y,
        areaCode: p.code,
        target: {
          kind: 'area',
          name: lang === 'en' && p.nameEn ? p.nameEn : (p.fullName ?? p.name),
          count: areaCounts ? (areaCounts[p.code] ?? 0) : null,
        },
      });
    },
    [lang, areaCounts],
  );

  const onClick = useCallback(
    (info: PickingInfo) => {
      onSelect(info.layer?.id === 'reports' ? (info.object as Report) : null);
    },
    [onSelect],
  );

  const handleRef = useRef<MapHandle | null>(null);
  const onReady = useCallback(
    (h: MapHandle | null) => {
      handleRef.current = h;
      installTestHooks(
        h,
        () => placed.current,
        () => shownCells.current,
        () => shownSensitive.current,
        () => shownAlerts.current,
      );
      onHandle?.(h);
    },
    [onHandle],
  );
  useEffect(
    () => () =>
      installTestHooks(
        null,
        () => [],
        () => [],
        () => [],
      ),
    [],
  );

  return (
    <div className="scene">
      <MapView
        style={style}
        bounds={bounds}
        layers={layers}
        onViewport={setView}
        onHover={onHover}
        onClick={onClick}
        onReady={onReady}
        label={t('layer.points')}
      />
      <AlertBanner alerts={alertsInView} />
      <MapControls>
        <LayerToggles value={visible} onChange={setVisible} cellWindow={cellWindow} onCellWindow={setCellWindow} />
        <MapLegend categories={Object.values(reference.categoryByCode)} visible={visible} />
      </MapControls>
      {hover && (
        <MapTooltip
          x={hover.x}
          y={hover.y}
          target={hover.target}
          categories={reference.categoryByCode}
          areaName={areaName}
        />
      )}
    </div>
  );
}
