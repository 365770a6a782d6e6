// A key for every layer the map draws: points by category (swatch + name, never colour alone), the density
// ramp of the hexagons, and the outline of the coarse sensitive counts.
import { useCitizenI18n } from '../citizen/strings.ts';
import type { CategoryDTO } from '../data/types.ts';
import { DENSITY_RAMP } from '../layers/palette.ts';
import type { LayerVisibility } from './layer-toggles.tsx';

const rgb = (c: readonly number[]) => `rgb(${c[0]} ${c[1]} ${c[2]})`;

export function MapLegend({
  categories,
  visible,
  marks = {},
}: {
  categories: CategoryDTO[];
  visible: LayerVisibility;
  /** The letter drawn inside each category's points when zoomed in (layers/report-marks-layer.ts). */
  marks?: Record<string, string>;
}) {
  const { c, categoryName } = useCitizenI18n();
  return (
    <div className="map-legend" data-testid="map-legend">
      {visible.points && (
        <section>
          <h3>{c('map.legendPoints')}</h3>
          <ul>
            {categories.map((k) => (
              <li key={k.code}>
                <span className="legend-dot legend-mark" style={{ background: rgb(k.color) }} aria-hidden="true">
                  {marks[k.code]}
                </span>
                {categoryName(k, k.code)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {visible.hexagons && (
        <section>
          <h3>{c('map.legendHex')}</h3>
          <div className="legend-ramp" aria-hidden="true">
            {DENSITY_RAMP.map((col) => (
              <span key={col.join()} style={{ background: rgb(col) }} />
            ))}
          </div>
          <div className="legend-ramp-labels">
            <span>1</span>
            <span>{c('map.legendMax')}</span>
          </div>
        </section>
      )}
      <section>
        <h3 className="legend-sensitive">
          <span className="legend-outline" aria-hidden="true" />
          {c('map.legendSensitive')}
        </h3>
      </section>
    </div>
  );
}
