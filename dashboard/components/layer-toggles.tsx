// Checkboxes over the map to show or hide overlay layers, and the period the density hexagons count.
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';
import { CELL_WINDOWS, type CellWindow } from '../data/use-cell-counts.ts';

export type LayerKey = 'hexagons' | 'points' | 'labels' | 'hotspots' | 'units';
export type LayerVisibility = Record<LayerKey, boolean>;

export interface LayerTogglesProps {
  /** The switches to show: only the layers this screen draws. */
  value: Partial<LayerVisibility>;
  onChange: (v: Partial<LayerVisibility>) => void;
  cellWindow: CellWindow;
  onCellWindow: (w: CellWindow) => void;
}

export function LayerToggles({ value, onChange, cellWindow, onCellWindow }: LayerTogglesProps) {
  const { t } = useI18n();
  return (
    <fieldset className="layer-toggles">
      {(Object.keys(value) as LayerKey[]).map((k) => (
        <label key={k}>
          <input
            type="checkbox"
            checked={value[k]}
            data-testid={`layer-${k}`}
            onChange={(e) => onChange({ ...value, [k]: e.target.checked })}
          />
          {t(`layer.${k}` as MessageKey)}
        </label>
      ))}
      <label>
        {t('layer.window')}
        <select
          value={cellWindow}
          data-testid="cell-window"
          disabled={!value.hexagons}
          onChange={(e) => onCellWindow(e.target.value as CellWindow)}
        >
          {CELL_WINDOWS.map((w) => (
            <option key={w} value={w}>
              {t(`window.${w}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}
