// The legend of the staff overlays: Gi* hot and cold spots by confidence, and field units by status (the
// symbols /dispatch draws). Shapes and words beside every colour, never colour alone.
import { UNIT_STATUSES } from '../../domain/unit-status.ts';
import { COLD, HOT, HOTSPOT_LEVELS } from '../layers/hotspots-layer.ts';
import { UNIT_COLORS } from '../views/dispatch/units-layer.ts';
import { useDispatchI18n, type DispatchKey } from '../views/dispatch/strings.ts';
import { useReplayI18n } from '../replay/strings.ts';
import '../replay/replay.css';

const rgb = (c: readonly number[]) => `rgb(${c[0]} ${c[1]} ${c[2]})`;

function HexSwatch({ color, level }: { color: readonly number[]; level: (typeof HOTSPOT_LEVELS)[number] }) {
  return (
    <svg className="legend-hex" width="16" height="14" viewBox="0 0 16 14" aria-hidden="true">
      <polygon
        points="4,1 12,1 15,7 12,13 4,13 1,7"
        fill={rgb(color)}
        fillOpacity={level.fill / 255}
        stroke={rgb(color)}
        strokeWidth={level.width}
      />
    </svg>
  );
}

export function OverlayLegend({ hotspots, units }: { hotspots: boolean; units: boolean }) {
  const { r } = useReplayI18n();
  const { d } = useDispatchI18n();
  if (!hotspots && !units) return null;
  return (
    <div className="map-legend" data-testid="overlay-legend">
      {hotspots && (
        <section data-testid="legend-hotspots">
          <h3>{r('legend.hotspots')}</h3>
          <ul>
            {[
              [HOT, 'legend.hot'],
              [COLD, 'legend.cold'],
            ].map(([color, key]) => (
              <li key={String(key)}>
                {HOTSPOT_LEVELS.map((l) => (
                  <HexSwatch key={l.width} color={color as number[]} level={l} />
                ))}
                {r(key as 'legend.hot')}
              </li>
            ))}
          </ul>
        </section>
      )}
      {units && (
        <section data-testid="legend-units">
          <h3>{r('legend.units')}</h3>
          <ul>
            {UNIT_STATUSES.map((s) => (
              <li key={s}>
                <span
                  className="legend-dot legend-unit"
                  style={{ background: rgb(UNIT_COLORS[s]) }}
                  aria-hidden="true"
                />
                {d(`unit.${s}` as DispatchKey)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
