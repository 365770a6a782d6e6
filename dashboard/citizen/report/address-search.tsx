// Typed address -> the existing /api/v1/geocode suggestions, as an ARIA combobox (arrows, Enter, Escape).
import { useEffect, useId, useState } from 'react';
import { citizenApi } from '../citizen-api.ts';
import { useCitizenI18n } from '../strings.ts';
import type { GeocodeCandidate } from '../types.ts';
import type { Place } from './place.ts';

export function AddressSearch({ onPlace }: { onPlace: (p: Place) => void }) {
  const { c } = useCitizenI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<GeocodeCandidate[] | null>(null);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    if (q.trim().length < 2) return setHits(null);
    const ctl = new AbortController();
    // Debounced: one request once the citizen pauses typing.
    const timer = setTimeout(() => {
      citizenApi
        .geocode(q.trim(), ctl.signal)
        .then((all) => setHits(all.filter((h) => h.lat != null && h.lng != null)))
        .catch(() => {});
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [q]);

  const choose = (h: GeocodeCandidate) => {
    onPlace({
      lat: h.lat!,
      lng: h.lng!,
      label: h.area && h.area.name !== h.name ? `${h.name}, ${h.area.name}` : h.name,
    });
    setQ(h.name);
    setHits(null);
  };
  const open = hits !== null;
  return (
    <div className="combo">
      <label htmlFor={`${id}-q`}>{c('where.search')}</label>
      <input
        id={`${id}-q`}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-activedescendant={active >= 0 ? `${id}-opt-${active}` : undefined}
        placeholder={c('where.searchPlaceholder')}
        value={q}
        data-testid="address-input"
        onChange={(e) => {
          setQ(e.target.value);
          setActive(-1);
        }}
        onKeyDown={(e) => {
          if (!hits?.length) return;
          if (e.key === 'ArrowDown') setActive((a) => Math.min(hits.length - 1, a + 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
          else if (e.key === 'Enter' && active >= 0) choose(hits[active]);
          else if (e.key === 'Escape') setHits(null);
          else return;
          e.preventDefault();
        }}
      />
      <ul id={`${id}-list`} role="listbox" className="combo-list" hidden={!open}>
        {hits?.length === 0 && <li className="muted">{c('where.noResults')}</li>}
        {hits?.map((h, i) => (
          <li
            key={`${h.kind}-${h.code}-${i}`}
            id={`${id}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            onClick={() => choose(h)}
          >
            <strong>{h.name}</strong>
            {h.area && h.area.name !== h.name && <span className="muted"> · {h.area.name}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
