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
import { UI_FONT } from '../layers/labels-layer.ts';
import { categoryMarks, MARKS_MIN_ZOOM, reportMarksLayer } from '../layers/report-marks-layer.ts';
import { useLabelsLayer } from './use-labels-layer.ts';
import { alertsLayer } from '../layers/alerts-layer.ts';
import { AlertBanner } from '../alerts/alert-banner.tsx';
import { alertInView } from '../alerts/in-view.ts';
import { useAlertFromUrl } from '../alerts/use-alert-from-url.ts';
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
import { OverlayLegend } from '../components/overlay-legend.tsx';
import { hotspotsLayer, type HotspotMark } from '../layers/hotspots-layer.ts';
import { unitLabelsLayer, unitsLayer } from './dispatch/units-layer.ts';
import type { UnitDTO } from '../data/dispatch-types.ts';
import { replayUnitsAsDto, type ReplayFrame } from '../replay/replay-frame.ts';

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
  /** Gi* hot and cold spots to outline (staff screens). */
  hotspots?: HotspotMark[] | null;
  /** Field units to draw as /dispatch draws them (staff screens). */
  units?: UnitDTO[] | null;
  /** Replay: while set, every layer draws this moment instead of the live data (which keeps arriving underneath). */
  replay?: ReplayFrame | null;
}

const NO_CELLS: HexCount[] = [];
const NO_HIGHLIGHT: ReadonlySet<string> = new Set();
const noTrade = () => null;

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
  hotspots = null,
  units = null,
  replay = null,
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
  const [cellWindow, setCellWindow] = useState<CellWindow>('7d');
  const [hover, setHover] = useState<{ x: number; y: number; target: HoverTarget; areaCode?: string } | null>(null);
  const [visible, setVisible] = useState<LayerVisibility>({
    hexagons: true,
    points: true,
    labels: true,
    hotspots: true,
    units: true,
  });
  const shownHotspots = replay ? replay.hotspots : hotspots;
  const shownUnits = useMemo(() => (replay ? replayUnitsAsDto(replay.units) : units), [replay, units]);
  const shownReports = replay ? replay.reports : reports;
  // Only the switches of layers this screen has (the public map has no hot spots or units).
  const toggles = useMemo(() => {
    const { hotspots: h, units: u, ...rest } = visible;
    return { ...rest, ...(shownHotspots ? { hotspots: h } : {}), ...(shownUnits ? { units: u } : {}) };
  }, [visible, shownHotspots, shownUnits]);
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
  const counts = useCellCounts(token, replay ? null : cellsQuery, noticeCount);
  const cells = useMemo(
    () => (replay ? (cellsQuery ? replay.cellsFor(cellsQuery) : NO_CELLS) : counts.cells),
    [replay, cellsQuery, counts.cells],
  );
  const sensitiveCells = replay ? NO_CELLS : counts.sensitive;
  const hexes = useMemo(() => {
    shownCells.current = visible.hexagons ? cells : [];
    return hexagonLayer(cells, { visible: visible.hexagons, theme });
  }, [cells, visible.hexagons, theme]);
  const sensitive = useMemo(() => {
    shownSensitive.current = visible.hexagons ? sensitiveCells : [];
    return sensitiveLayer(sensitiveCells, { visible: visible.hexagons });
  }, [sensitiveCells, visible.hexagons]);
  const hot = useMemo(
    () => (shownHotspots ? hotspotsLayer(shownHotspots, { visible: visible.hotspots }) : null),
    [shownHotspots, visible.hotspots],
  );
  const unitMarks = useMemo(
    () =>
      shownUnits && visible.units
        ? [
            unitsLayer(shownUnits, NO_HIGHLIGHT),
            unitLabelsLayer(shownUnits, noTrade, { dark: theme === 'dark', fontFamily: UI_FONT }),
          ]
        : [],
    [shownUnits, visible.units, theme],
  );
  const handleRef = useRef<MapHandle | null>(null);
  useAlertFromUrl(handleRef, alerts, bounds !== null);
  const { layer: labels, shown: shownLabels } = useLabelsLayer({
    communes: reference.communes,
    theme,
    lang,
    view,
    fontReady,
    visible: visible.labels,
    handle: handleRef,
  });
  const points = useMemo(() => {
    placed.current = placedReports(shownReports);
    return reportsLayer(shownReports, {
      theme,
      categoryColors: reference.categoryColors,
      selectedId,
      visible: visible.points,
    });
  }, [shownReports, theme, reference.categoryColors, selectedId, visible.points]);
  const marks = useMemo(() => categoryMarks(reference.categories), [reference.categories]);
  const marksShown = visible.points && (view?.zoom ?? 0) >= MARKS_MIN_ZOOM;
  const pointMarks = useMemo(
    () => reportMarksLayer(shownReports, marks, { visible: marksShown }),
    [shownReports, marks, marksShown],
  );
  const alertsInView = useMemo(() => (view ? alerts.filter((a) => alertInView(a, view.bbox)) : []), [alerts, view]);
  const shownAlerts = useRef<string[]>([]);
  const alertAreas = useMemo(() => {
    shownAlerts.current = alertsInView.map((a) => a.id);
    return alertsLayer(alertsInView);
  }, [alertsInView]);
  // Names sit on top so they stay readable over dense points.
  const layers = useMemo(
    () => [
      ...areas,
      alertAreas,
      hexes,
      sensitive,
      ...(hot ? [hot] : []),
      points,
      pointMarks,
      ...unitMarks,
      ...(labels ? [labels] : []),
    ],
    [areas, alertAreas, hexes, sensitive, hot, labels, points, pointMarks, unitMarks],
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

  const onReady = useCallback(
    (h: MapHandle | null) => {
      handleRef.current = h;
      installTestHooks(
        h,
        () => placed.current,
        () => shownCells.current,
        () => shownSensitive.current,
        () => shownAlerts.current,
        () => shownLabels.current,
      );
      onHandle?.(h);
    },
    [onHandle, shownLabels],
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
        <LayerToggles
          value={toggles}
          onChange={(v) => setVisible({ ...visible, ...v })}
          cellWindow={cellWindow}
          onCellWindow={setCellWindow}
        />
        <MapLegend categories={Object.values(reference.categoryByCode)} visible={visible} marks={marks} />
        <OverlayLegend hotspots={!!shownHotspots && visible.hotspots} units={!!shownUnits && visible.units} />
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
