// What the dispatch map's marks mean: category colours, status rings, unit symbols, and the selected report's SLA.
import { useState } from 'react';
import type { QueueItemDTO } from '../../data/dispatch-types.ts';
import type { Reference } from '../../data/use-reference.ts';
import { OPEN_STATUSES } from '../../../domain/report-status.ts';
import { UNIT_STATUSES } from '../../../domain/unit-status.ts';
import { statusLine, type Theme } from '../../layers/palette.ts';
import { SlaBadge } from './sla-badge.tsx';
import { useDispatchI18n, type DispatchKey } from './strings.ts';
import { UNIT_COLORS } from './units-layer.ts';

const STATUSES = OPEN_STATUSES;
const rgb = (c: readonly number[]) => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

export function MapLegend({
  reference,
  theme,
  selected,
  now,
}: {
  reference: Reference;
  theme: Theme;
  selected: QueueItemDTO | null;
  now: number;
}) {
  const { d, status, categoryName } = useDispatchI18n();
  const [open, setOpen] = useState(true);
  return (
    <aside className="dx-legend" aria-label={d('legend.title')} data-testid="map-legend">
      <button type="button" className="dx-btn dx-btn-small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {d('legend.title')}
      </button>
      {selected && (
        <p className="small" data-testid="legend-selected">
          <span className="mono">{selected.code}</span> <SlaBadge sla={selected.sla} now={now} />
        </p>
      )}
      {open && (
        <>
          <h4>{d('legend.categories')}</h4>
          <ul>
            {reference.categories.map((c) => (
              <li key={c.code}>
                <span className="dx-dot" style={{ background: rgb(c.color) }} aria-hidden="true" />
                {categoryName(c, c.code)}
              </li>
            ))}
          </ul>
          <h4>{d('legend.status')}</h4>
          <ul>
            {STATUSES.map((s) => (
              <li key={s}>
                <span
                  className="dx-dot dx-ring"
                  style={{ borderColor: rgb(statusLine(s, theme)) }}
                  aria-hidden="true"
                />
                {status(s)}
              </li>
            ))}
          </ul>
          <h4>{d('legend.units')}</h4>
          <ul>
            {UNIT_STATUSES.map((s) => (
              <li key={s}>
                <span className="dx-dot dx-unit" style={{ background: rgb(UNIT_COLORS[s]) }} aria-hidden="true" />
                {d(`unit.${s}` as DispatchKey)}
              </li>
            ))}
          </ul>
          <p className="small muted">{d('legend.unitLabel')}</p>
        </>
      )}
    </aside>
  );
}
