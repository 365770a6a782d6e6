// Layer switches and legend in one box: open on a desktop, folded behind one button on a phone.
import { useState, type ReactNode } from 'react';
import { useCitizenI18n } from '../citizen/strings.ts';

const wide = () => typeof window === 'undefined' || window.matchMedia('(min-width: 641px)').matches;

export function MapControls({ children }: { children: ReactNode }) {
  const { c } = useCitizenI18n();
  const [open, setOpen] = useState(wide);
  return (
    <div className="map-controls" data-open={open}>
      <button
        type="button"
        className="map-controls-toggle"
        aria-expanded={open}
        aria-controls="map-controls-body"
        data-testid="map-controls-toggle"
        onClick={() => setOpen(!open)}
      >
        {c('map.legend')}
      </button>
      <div id="map-controls-body" hidden={!open}>
        {children}
      </div>
    </div>
  );
}
