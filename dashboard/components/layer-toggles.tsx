// Checkboxes over the map to show or hide overlay layers.
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/dictionary.ts';

export type LayerKey = 'hexagons' | 'points' | 'labels';
export type LayerVisibility = Record<LayerKey, boolean>;

export function LayerToggles({ value, onChange }: { value: LayerVisibility; onChange: (v: LayerVisibility) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="layer-toggles">
      {(Object.keys(value) as LayerKey[]).map((k) => (
        <label key={k}>
          <input type="checkbox" checked={value[k]} data-testid={`layer-${k}`} onChange={(e) => onChange({ ...value, [k]: e.target.checked })} />
          {t(`layer.${k}` as MessageKey)}
        </label>
      ))}
    </fieldset>
  );
}
