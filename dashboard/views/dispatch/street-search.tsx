// Address search on the console's map: "số 12 Lê Lợi, P. Hạc Thành" finds the street; the best match is drawn
// (its line and the house's interpolated point) and the others are offered to pick.
import { useState, type FormEvent } from 'react';
import { call } from '../../data/dispatch-api.ts';
import type { AddressCandidateDTO } from '../../../ingest/presenters/dto.ts';
import { useDispatchI18n } from './strings.ts';

export function StreetSearch({ onMatch }: { onMatch: (m: AddressCandidateDTO | null) => void }) {
  const { d } = useDispatchI18n();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<AddressCandidateDTO[] | null>(null);
  const [picked, setPicked] = useState(0);
  const pick = (list: AddressCandidateDTO[], i: number) => {
    setPicked(i);
    onMatch(list[i] ?? null);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    void call<{ candidates: AddressCandidateDTO[] }>(
      'GET',
      `/api/v1/geocode/address?${new URLSearchParams({ q, limit: '5' })}`,
    ).then(
      (r) => {
        setFound(r.candidates);
        pick(r.candidates, 0);
      },
      () => setFound([]),
    );
  };
  const clear = () => {
    setQ('');
    setFound(null);
    onMatch(null);
  };
  const label = (m: AddressCandidateDTO) =>
    `${m.houseNumber !== null ? `${m.houseNumber} ` : ''}${m.street}${m.area ? `, ${m.area.name}` : ''}`;
  return (
    <div className="dx-street-search" data-testid="street-search">
      <form role="search" onSubmit={search}>
        <input
          name="address"
          type="search"
          value={q}
          placeholder={d('street.placeholder')}
          aria-label={d('street.label')}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="dx-btn">
          {d('street.find')}
        </button>
        {found && (
          <button type="button" className="dx-btn" onClick={clear}>
            {d('street.clear')}
          </button>
        )}
      </form>
      {found && found.length === 0 && <p className="small">{d('street.none')}</p>}
      {found && found.length > 0 && (
        <ol>
          {found.map((m, i) => (
            <li key={`${m.street}-${m.lat}-${m.lng}`}>
              <button
                type="button"
                className="dx-link"
                aria-current={i === picked || undefined}
                data-testid="street-candidate"
                onClick={() => pick(found, i)}
              >
                {label(m)}
              </button>{' '}
              <span className="small">{m.exactHouse ? d('street.house') : d('street.middle')}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
